package org.jointcall.contracts.identifier;

import java.util.regex.Pattern;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * An ORCID iD, the one person identifier every agency in a joint call understands. The check digit
 * (ISO 7064 MOD 11-2) catches the typos that would otherwise attach a researcher's application to
 * somebody else, e.g. in the one-application-per-fiscal-year rule.
 */
public final class Orcid {

    private static final String URL_PREFIX = "https://orcid.org/";
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");

    private final String value;

    private Orcid(String value) {
        this.value = value;
    }

    /**
     * Accepts the bare form {@code 0000-0002-1825-0097} or the URL form {@code https://orcid.org/0000-0002-1825-0097}.
     *
     * @throws ContractViolation on field {@code orcid} for a wrong format or check digit
     */
    public static Orcid of(String text) {
        if (text == null || text.isEmpty()) {
            throw new ContractViolation("orcid", "an ORCID iD is required, e.g. 0000-0002-1825-0097");
        }
        String bare = text.startsWith(URL_PREFIX) ? text.substring(URL_PREFIX.length()) : text;
        if (!FORMAT.matcher(bare).matches()) {
            throw new ContractViolation("orcid", "ORCID " + text
                    + ": should be four groups of four digits separated by '-', the last character a digit or X, e.g. 0000-0002-1825-0097");
        }
        char expected = checkDigit(bare.replace("-", "").substring(0, 15));
        char actual = bare.charAt(bare.length() - 1);
        if (actual != expected) {
            throw new ContractViolation("orcid", "ORCID " + text + ": checksum digit should be " + expected);
        }
        return new Orcid(bare);
    }

    /** ISO 7064 MOD 11-2 over the first 15 digits, as ORCID specifies it. */
    static char checkDigit(String fifteenDigits) {
        int total = 0;
        for (int i = 0; i < fifteenDigits.length(); i++) {
            total = (total + Character.digit(fifteenDigits.charAt(i), 10)) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : Character.forDigit(result, 10);
    }

    /** The bare 16-character form used in the canonical messages. */
    public String value() {
        return value;
    }

    public String url() {
        return URL_PREFIX + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Orcid && ((Orcid) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
