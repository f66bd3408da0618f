package io.dukan.core.shared;

/** Something the domain refuses, named for what happened; adapters map each kind to HTTP once. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, stable, machine-readable name for the problem, used as the problem type. */
    public abstract String code();
}
