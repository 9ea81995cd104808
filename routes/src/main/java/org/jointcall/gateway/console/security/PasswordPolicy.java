package org.jointcall.gateway.console.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a console password must be: long enough to resist guessing (NIST SP 800-63B asks for at least
 * 8 characters and favours length over composition rules; the console asks 12), not absurdly long
 * (PBKDF2 hashes every byte), and not the user name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    /** Why {@code password} is not acceptable for {@code username}, or empty when it is. */
    public static Optional<String> problemWith(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("a password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("the password has " + length + " characters; at least " + MIN_LENGTH + " are required");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("the password has " + length + " characters; at most " + MAX_LENGTH + " are accepted");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("the password must not contain the user name");
        }
        return Optional.empty();
    }
}
