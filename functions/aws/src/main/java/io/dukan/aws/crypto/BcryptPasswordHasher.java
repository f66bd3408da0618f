package io.dukan.aws.crypto;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.dukan.core.account.PasswordHasher;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** bcrypt (at.favre.lib, maintained) with cost 10: about 60–100 ms a hash on a Lambda vCPU. */
@Singleton
final class BcryptPasswordHasher implements PasswordHasher {

    static final int COST = 10;

    @Override
    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return false; // never stored: signup refuses what bcrypt would truncate
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
    }
}
