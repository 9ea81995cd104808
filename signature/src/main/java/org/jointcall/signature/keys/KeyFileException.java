package org.jointcall.signature.keys;

/**
 * A key file or keystore that cannot be used, with the file and the reason. Thrown when a registry is
 * opened (so a bad deployment fails at start) and recorded, not thrown, when a hot reload fails (so a
 * typo in a new file never disables the keys that were working).
 */
public final class KeyFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
