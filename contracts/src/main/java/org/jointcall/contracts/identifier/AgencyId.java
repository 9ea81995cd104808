package org.jointcall.contracts.identifier;

import java.util.regex.Pattern;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * The code of a funding agency taking part in joint calls. Deliberately not an enum: an agency whose
 * format a mapping file describes (adapters' {@code mapped}) needs no Java, so any well-formed
 * upper-case code is accepted and the known agencies are just named constants.
 *
 * @param code 2–16 upper-case letters or digits, starting with a letter
 */
public record AgencyId(String code) implements Comparable<AgencyId> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9]{1,15}");

    public static final AgencyId JST = new AgencyId("JST");
    public static final AgencyId NSF = new AgencyId("NSF");
    public static final AgencyId UKRI = new AgencyId("UKRI");
    public static final AgencyId DFG = new AgencyId("DFG");
    public static final AgencyId NWO = new AgencyId("NWO");
    public static final AgencyId NSERC = new AgencyId("NSERC");
    public static final AgencyId RCF = new AgencyId("RCF");
    public static final AgencyId NRF = new AgencyId("NRF");
    public static final AgencyId ANR = new AgencyId("ANR");

    /** @throws ContractViolation on field {@code agency} for a missing or malformed code */
    public AgencyId {
        if (code == null || code.isEmpty()) {
            throw new ContractViolation("agency", "an agency code is required, e.g. NSF");
        }
        if (!FORMAT.matcher(code).matches()) {
            throw new ContractViolation("agency", "agency code '" + code
                    + "' should be 2 to 16 upper-case letters or digits starting with a letter, e.g. UKRI");
        }
    }

    public static AgencyId of(String code) {
        return new AgencyId(code);
    }

    @Override
    public int compareTo(AgencyId other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
