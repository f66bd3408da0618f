package io.dukan.core.shared;

/** The request is valid but the current state does not allow it (slug taken, stock short). */
public abstract class ConflictException extends DomainException {

    protected ConflictException(String message) {
        super(message);
    }
}
