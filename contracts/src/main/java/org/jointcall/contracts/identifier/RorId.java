package org.jointcall.contracts.identifier;

import java.util.regex.Pattern;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * A Research Organization Registry id, how the canonical model names an affiliation so that
 * "Univ. of Tokyo", "東京大学" and "The University of Tokyo" are recognised as one institution.
 * The last two digits are an ISO 7064 MOD 97-10 checksum over the Crockford base-32 part.
 */
public final class RorId {

    private static final String URL_PREFIX = "https://ror.org/";
    private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final Pattern FORMAT = Pattern.compile("0[a-hj-km-np-tv-z0-9]{6}\\d{2}");

    private final String id;

    private RorId(String id) {
        this.id = id;
    }

    /**
     * Accepts the URL form {@code https://ror.org/057zh3y96} or the bare id {@code 057zh3y96}.
     *
     * @throws ContractViolation on field {@code ror} for a wrong format or checksum
     */
    public static RorId of(String text) {
        if (text == null || text.isEmpty()) {
            throw new ContractViolation("ror", "a ROR id is required, e.g. https://ror.org/057zh3y96");
        }
        String bare = text.startsWith(URL_PREFIX) ? text.substring(URL_PREFIX.length()) : text;
        if (!FORMAT.matcher(bare).matches()) {
            throw new ContractViolation("ror", "ROR id " + text
                    + ": should be '0', six lower-case Crockford base-32 characters and two digits, e.g. https://ror.org/057zh3y96");
        }
        String expected = checksum(bare.substring(0, 7));
        if (!bare.endsWith(expected)) {
            throw new ContractViolation("ror", "ROR id " + text + ": checksum digits should be " + expected);
        }
        return new RorId(bare);
    }

    private static String checksum(String base32) {
        long number = 0;
        for (int i = 0; i < base32.length(); i++) {
            number = number * 32 + CROCKFORD.indexOf(base32.charAt(i));
        }
        long check = 98 - (number * 100) % 97;
        return check < 10 ? "0" + check : Long.toString(check);
    }

    /** The nine-character id, e.g. {@code 057zh3y96}. */
    public String id() {
        return id;
    }

    /** The canonical URL form used in messages, e.g. {@code https://ror.org/057zh3y96}. */
    public String url() {
        return URL_PREFIX + id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RorId && ((RorId) other).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return url();
    }
}
