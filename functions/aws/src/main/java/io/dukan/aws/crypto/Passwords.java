package io.dukan.aws.crypto;

import io.dukan.core.account.PasswordHasher;

/** The password hasher for code that runs outside the functions' bean context (the operator command). */
public final class Passwords {

    private Passwords() {}

    /** bcrypt, cost 10, as the functions use it. */
    public static PasswordHasher bcrypt() {
        return new BcryptPasswordHasher();
    }
}
