package org.jointcall.contracts.identifier;

import java.util.regex.Pattern;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * A researcher number in Japan's e-Rad system. JST knows its researchers by it, and the ASPIRE rule
 * "one application per researcher per fiscal year" is checked on it when there is no ORCID.
 *
 * @param value exactly 8 digits
 */
public record ERadNumber(String value) {

    /** The scheme name a {@code researcherNumber} carries in canonical messages. */
    public static final String SCHEME = "E_RAD";

    private static final Pattern FORMAT = Pattern.compile("\\d{8}");

    /** @throws ContractViolation on field {@code researcherNumber} unless the number is exactly 8 digits */
    public ERadNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ContractViolation("researcherNumber", "e-Rad researcher number '" + value
                    + "' should be exactly 8 digits, e.g. 12345678");
        }
    }

    public static ERadNumber of(String text) {
        return new ERadNumber(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
