package io.dukan.core.shared;

/** The request was fine but could not be completed now (contention, a busy dependency); nothing was changed. */
public class TryAgainLaterException extends DomainException {

    public TryAgainLaterException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "try-again-later";
    }
}
