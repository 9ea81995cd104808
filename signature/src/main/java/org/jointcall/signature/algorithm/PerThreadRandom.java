package org.jointcall.signature.algorithm;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A cryptographically strong generator per thread, for signatures and nonces. The JDK's default
 * {@code SecureRandom} (NativePRNG) serialises every caller of the process on one lock; with many
 * request and delivery threads signing at once that lock was among the most contended of the gateway.
 * Each thread gets its own NIST SP 800-90A DRBG instead, seeded once from the operating system.
 */
public final class PerThreadRandom {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(PerThreadRandom::newDrbg);

    private PerThreadRandom() {
    }

    public static SecureRandom current() {
        return RANDOM.get();
    }

    private static SecureRandom newDrbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
