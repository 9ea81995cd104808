package org.jointcall.contracts.identifier;

import java.util.regex.Pattern;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * A Research Organization Registry id, how the canonical model names an affiliation so that
 * "Univ. of Tokyo", "東京大学" and "The University of Tokyo" are recognised as one institution.
 * The last two digits are an ISO 7064 MOD 97-10 checksum over the Crockford base-32 part.
 *
 * @param id the nine-character id, e.g. {@code 057zh3y96}
 */
public record RorId(String id) {

    private static final String URL_PREFIX = "https://ror.org/";
    private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final Pattern FORMAT = Pattern.compile("0[a-hj-km-np-tv-z0-9]{6}\\d{2}");

    /** @throws ContractViolation on field {@code ror} for a wrong format or checksum */
    public RorId {
        if (id == null || id.isEmpty()) {
            throw new ContractViolation("ror", "a ROR id is required, e.g. https://ror.org/057zh3y96");
        }
        if (!FORMAT.matcher(id).matches()) {
            throw new ContractViolation("ror", "ROR id " + id
                    + ": should be '0', six lower-case Crockford base-32 characters and two digits, e.g. 057zh3y96");
        }
        String expected = checksum(id.substring(0, 7));
        if (!id.endsWith(expected)) {
            throw new ContractViolation("ror", "ROR id " + id + ": checksum digits should be " + expected);
        }
    }

    /** Accepts the URL form {@code https://ror.org/057zh3y96} used in messages, or the bare id. */
    public static RorId of(String text) {
        return new RorId(text != null && text.startsWith(URL_PREFIX) ? text.substring(URL_PREFIX.length()) : text);
    }

    private static String checksum(String base32) {
        long number = 0;
        for (int i = 0; i < base32.length(); i++) {
            number = number * 32 + CROCKFORD.indexOf(base32.charAt(i));
        }
        long check = 98 - (number * 100) % 97;
        return check < 10 ? "0" + check : Long.toString(check);
    }

    /** The canonical URL form used in messages, e.g. {@code https://ror.org/057zh3y96}. */
    public String url() {
        return URL_PREFIX + id;
    }

    @Override
    public String toString() {
        return url();
    }
}
