package io.dukan.bench.before;

/**
 * A store's function, role or route could not be created or removed on AWS. The message names the step, the AWS
 * error and, where it helps, what to check; the SDK exception is the cause.
 */
public class StoreFleetException extends RuntimeException {

    public StoreFleetException(String message) {
        super(message);
    }

    public StoreFleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
