package io.dukan.core.testing;

import io.dukan.core.account.PasswordHasher;

/** A reversible stand-in for bcrypt, for use-case tests only. */
public final class PlainHasher implements PasswordHasher {
    @Override
    public String hash(String password) {
        return "plain:" + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash.equals(hash(password));
    }
}
