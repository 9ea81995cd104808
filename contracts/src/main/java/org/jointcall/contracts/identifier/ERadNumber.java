package org.jointcall.contracts.identifier;

import java.util.regex.Pattern;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * A researcher number in Japan's e-Rad system. JST knows its researchers by it, and the ASPIRE rule
 * "one application per researcher per fiscal year" is checked on it when there is no ORCID.
 */
public final class ERadNumber {

    /** The scheme name a {@code researcherNumber} carries in canonical messages. */
    public static final String SCHEME = "E_RAD";

    private static final Pattern FORMAT = Pattern.compile("\\d{8}");

    private final String value;

    private ERadNumber(String value) {
        this.value = value;
    }

    /** @throws ContractViolation on field {@code researcherNumber} unless the number is exactly 8 digits */
    public static ERadNumber of(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new ContractViolation("researcherNumber", "e-Rad researcher number '" + text
                    + "' should be exactly 8 digits, e.g. 12345678");
        }
        return new ERadNumber(text);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ERadNumber && ((ERadNumber) other).value.equals(value);
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
