package io.dukan.core.account;

import io.dukan.core.shared.ConflictException;

/** The email already has an account in this store (the owner, or staff). */
public class AccountExistsException extends ConflictException {

    public AccountExistsException(String email) {
        super(email + " already has an account in this store.");
    }

    @Override
    public String code() {
        return "account-exists";
    }
}
