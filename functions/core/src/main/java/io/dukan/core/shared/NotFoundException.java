package io.dukan.core.shared;

/** The thing asked for does not exist in this store (or belongs to another one: same answer). */
public class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "not-found";
    }
}
