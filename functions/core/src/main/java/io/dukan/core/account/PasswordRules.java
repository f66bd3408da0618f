package io.dukan.core.account;

import io.dukan.core.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, and at most {@value #MAX_BYTES} bytes
 * (bcrypt reads no more; longer passwords would be silently cut, so they are refused). Length is the rule that
 * matters most (NIST SP 800-63B); no character-class rules.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;
    /** What the forms say about it. */
    public static final String DESCRIPTION = "At least " + MIN_LENGTH + " characters (a few words make a good one);"
            + " at most " + MAX_BYTES + " bytes.";

    private PasswordRules() {}

    /** The password, if it follows the rules; otherwise InvalidInputException naming {@code field}. */
    public static String check(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidInputException(field, "password must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException(field, "password must be at most " + MAX_BYTES + " bytes");
        }
        if (password.isBlank()) {
            throw new InvalidInputException(field, "password must not be only spaces");
        }
        return password;
    }
}
