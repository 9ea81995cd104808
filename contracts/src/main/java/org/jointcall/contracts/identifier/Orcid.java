package org.jointcall.contracts.identifier;

import java.util.regex.Pattern;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * An ORCID iD, the one person identifier every agency in a joint call understands. The check digit
 * (ISO 7064 MOD 11-2) catches the typos that would otherwise attach a researcher's application to
 * somebody else, e.g. in the one-application-per-fiscal-year rule.
 *
 * @param value the bare 16-character form used in canonical messages, e.g. {@code 0000-0002-1825-0097}
 */
public record Orcid(String value) {

    private static final String URL_PREFIX = "https://orcid.org/";
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");

    /** @throws ContractViolation on field {@code orcid} for a wrong format or check digit */
    public Orcid {
        if (value == null || value.isEmpty()) {
            throw new ContractViolation("orcid", "an ORCID iD is required, e.g. 0000-0002-1825-0097");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new ContractViolation("orcid", "ORCID " + value
                    + ": should be four groups of four digits separated by '-', the last character a digit or X, e.g. 0000-0002-1825-0097");
        }
        char expected = checkDigit(value.replace("-", "").substring(0, 15));
        if (value.charAt(value.length() - 1) != expected) {
            throw new ContractViolation("orcid", "ORCID " + value + ": checksum digit should be " + expected);
        }
    }

    /** Accepts the bare form or the URL form {@code https://orcid.org/0000-0002-1825-0097}. */
    public static Orcid of(String text) {
        return new Orcid(text != null && text.startsWith(URL_PREFIX) ? text.substring(URL_PREFIX.length()) : text);
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

    public String url() {
        return URL_PREFIX + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
