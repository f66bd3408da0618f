package io.dukan.core.shared;

/** Input that breaks a rule; names the field so a form can show the message beside it. */
public class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String code() {
        return "invalid-input";
    }
}
