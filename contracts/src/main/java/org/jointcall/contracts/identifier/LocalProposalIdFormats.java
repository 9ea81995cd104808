package org.jointcall.contracts.identifier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * The one place that knows what each agency's own proposal ids look like. The agencies the gateway
 * was built with are known here; an agency added by configuration supplies its pattern (for example
 * in its call {@code participant}), and an agency with neither only has to satisfy the schema's
 * generic id characters.
 */
public final class LocalProposalIdFormats {

    /** One agency's id format, with an example to put in error messages. */
    public static final class Format {
        private final Pattern pattern;
        private final String description;

        Format(Pattern pattern, String description) {
            this.pattern = pattern;
            this.description = description;
        }

        public Pattern pattern() {
            return pattern;
        }

        public String description() {
            return description;
        }
    }

    private static final Pattern GENERIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/\\-]{0,63}");

    private static final LocalProposalIdFormats KNOWN = new LocalProposalIdFormats(Map.of(
            AgencyId.NSF, format("\\d{7}", "7 digits, e.g. 2412345"),
            AgencyId.UKRI, format("[A-Z]{2}/[A-Z]\\d{6}/\\d{1,2}", "council/grant/version, e.g. EP/T022159/1"),
            AgencyId.DFG, format("[1-9]\\d{4,8}", "a GEPRIS project number of up to 9 digits, e.g. 460234259"),
            AgencyId.NWO, format("[A-Za-z]{2,8}(\\.[A-Za-z0-9]{1,8}){2,4}", "dot-separated programme and file number, e.g. NWA.1160.18.238"),
            AgencyId.JST, format("JPMJ[A-Z]{2}[0-9A-Z]{4}", "JPMJ, a 2-letter programme code and 4 characters, e.g. JPMJAP2326")));

    private final Map<AgencyId, Format> formats;

    private LocalProposalIdFormats(Map<AgencyId, Format> formats) {
        this.formats = Collections.unmodifiableMap(new LinkedHashMap<>(formats));
    }

    private static Format format(String regex, String description) {
        return new Format(Pattern.compile(regex), description);
    }

    /** The formats of JST, NSF, UKRI, DFG and NWO. */
    public static LocalProposalIdFormats known() {
        return KNOWN;
    }

    /**
     * These formats plus (or replacing) one agency's, given as a regular expression.
     *
     * @throws ContractViolation on field {@code localProposalIdPattern} if the expression does not compile
     */
    public LocalProposalIdFormats with(AgencyId agency, String regex) {
        Objects.requireNonNull(agency, "agency");
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ContractViolation("localProposalIdPattern", "'" + regex + "' is not a valid regular expression: " + e.getDescription());
        }
        Map<AgencyId, Format> copy = new LinkedHashMap<>(formats);
        copy.put(agency, new Format(pattern, "matching " + regex));
        return new LocalProposalIdFormats(copy);
    }

    /**
     * @throws ContractViolation on field {@code localProposalId} naming the agency and its expected format
     */
    public LocalProposalId check(AgencyId agency, String value) {
        Objects.requireNonNull(agency, "agency");
        if (value == null || value.isEmpty()) {
            throw new ContractViolation("localProposalId", agency + " proposal id is required");
        }
        Format format = formats.get(agency);
        Pattern pattern = format == null ? GENERIC : format.pattern();
        if (!pattern.matcher(value).matches()) {
            String expected = format == null ? "letters, digits and . _ : / - (at most 64)" : format.description();
            throw new ContractViolation("localProposalId", agency + " proposal id '" + value + "' should be " + expected);
        }
        return new LocalProposalId(agency, value);
    }
}
