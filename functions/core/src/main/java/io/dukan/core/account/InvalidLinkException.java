package io.dukan.core.account;

import io.dukan.core.shared.NotFoundException;

/** A one-time link (invitation, password reset) that is unknown, used already, revoked or expired: same answer. */
public class InvalidLinkException extends NotFoundException {

    public InvalidLinkException() {
        super("This link is not valid any more: it was used already, has expired or was withdrawn. "
                + "Please ask for a new one.");
    }

    @Override
    public String code() {
        return "invalid-link";
    }
}
