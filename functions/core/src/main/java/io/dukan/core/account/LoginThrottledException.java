package io.dukan.core.account;

import io.dukan.core.shared.DomainException;

/** Too many failed sign-ins for this email in this store: sign-in is refused for a while, whatever the password. */
public class LoginThrottledException extends DomainException {

    public LoginThrottledException(long minutes) {
        super("too many failed sign-ins; please wait " + minutes + " minutes and try again");
    }

    @Override
    public String code() {
        return "too-many-attempts";
    }
}
