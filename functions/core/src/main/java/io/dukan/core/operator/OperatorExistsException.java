package io.dukan.core.operator;

import io.dukan.core.shared.ConflictException;

/** An operator with this e-mail exists already. */
public class OperatorExistsException extends ConflictException {

    public OperatorExistsException(String email) {
        super("there is an operator with the e-mail " + email + " already");
    }

    @Override
    public String code() {
        return "operator-exists";
    }
}
