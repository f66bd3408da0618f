package io.dukan.core.account;

import io.dukan.core.shared.DomainException;

/** Wrong email or password; deliberately does not say which. */
public class LoginFailedException extends DomainException {

    public LoginFailedException() {
        super("wrong email or password");
    }

    @Override
    public String code() {
        return "login-failed";
    }
}
