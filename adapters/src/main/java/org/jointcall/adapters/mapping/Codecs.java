package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.identifier.LocalProposalIdFormats;
import org.jointcall.contracts.identifier.Orcid;
import org.jointcall.contracts.identifier.RorId;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * The value conversions agencies need again and again: dates in national spellings, epoch milliseconds,
 * code tables, scaled amounts, identifier checks. Identifier checks delegate to the contracts' value types
 * so that an ORCID is validated by exactly one piece of code in the whole gateway.
 */
public final class Codecs {

    private static final ValueCodec TEXT = of("verbatim", n -> TextNode.valueOf(n.asText()), n -> TextNode.valueOf(n.asText()));

    private Codecs() {
    }

    /** A codec from two functions; each may throw {@link IllegalArgumentException}. */
    public static ValueCodec of(String description, Function<JsonNode, JsonNode> toCanonical, Function<JsonNode, JsonNode> toNative) {
        return new ValueCodec() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public JsonNode toCanonical(JsonNode nativeValue) {
                return toCanonical.apply(nativeValue);
            }

            @Override
            public JsonNode toNative(JsonNode canonicalValue) {
                return toNative.apply(canonicalValue);
            }
        };
    }

    /** Verbatim text both ways. */
    public static ValueCodec text() {
        return TEXT;
    }

    /** A whole number: a JSON number natively (or digits in XML), a number canonically. */
    public static ValueCodec integer() {
        return of("whole number", n -> LongNode.valueOf(parseLong(n.asText())), n -> LongNode.valueOf(parseLong(n.asText())));
    }

    /** A JSON number natively ⇄ its text canonically (a numeric score kept verbatim, e.g. UKRI's 1–6). */
    public static ValueCodec numberAsText() {
        return of("number ⇄ its text", n -> TextNode.valueOf(Long.toString(parseLong(n.asText()))), n -> LongNode.valueOf(parseLong(n.asText())));
    }

    /** A decimal amount, kept exactly (no binary floating point anywhere near money). */
    public static ValueCodec decimal() {
        return of("decimal number", n -> DecimalNode.valueOf(parseDecimal(n.asText())), n -> DecimalNode.valueOf(parseDecimal(n.asText())));
    }

    /** {@code true}/{@code false}. */
    public static ValueCodec bool() {
        return of("true/false", n -> BooleanNode.valueOf(parseBoolean(n.asText())), n -> BooleanNode.valueOf(parseBoolean(n.asText())));
    }

    /** Native amount × {@code factor} = canonical amount (千円 × 1000 = 円); writing must divide exactly. */
    public static ValueCodec scaled(BigDecimal factor, String unit) {
        return of("× " + factor.toPlainString() + " (" + unit + " → major unit)", n -> DecimalNode.valueOf(parseDecimal(n.asText()).multiply(factor).stripTrailingZeros()),
                n -> {
                    BigDecimal amount = parseDecimal(n.asText());
                    try {
                        return LongNode.valueOf(amount.divide(factor).longValueExact());
                    } catch (ArithmeticException e) {
                        throw new IllegalArgumentException("is not a whole number of " + unit + " (" + factor.toPlainString()
                                + "); this format cannot carry it without rounding", e);
                    }
                });
    }

    /** A calendar date in a national pattern such as {@code MM/dd/yyyy} ⇄ ISO {@code yyyy-MM-dd}. */
    public static ValueCodec date(String pattern) {
        DateTimeFormatter format = strict(pattern);
        return of("date " + pattern + " ⇄ yyyy-MM-dd", n -> TextNode.valueOf(parseDate(n.asText(), format, pattern).toString()),
                n -> TextNode.valueOf(format.format(parseDate(n.asText(), DateTimeFormatter.ISO_LOCAL_DATE, "yyyy-MM-dd"))));
    }

    /**
     * A native calendar date ⇄ a canonical timestamp at the start of that day in the agency's zone. The
     * native format has no time of day, so a canonical time other than midnight is not carried (and the
     * translation report says so).
     */
    public static ValueCodec dateAsTimestamp(String pattern, ZoneId zone) {
        DateTimeFormatter format = strict(pattern);
        return of("date " + pattern + " ⇄ timestamp at 00:00 " + zone, n -> TextNode.valueOf(parseDate(n.asText(), format, pattern).atStartOfDay(zone).toOffsetDateTime()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                n -> TextNode.valueOf(format.format(parseTimestamp(n.asText()).atZoneSameInstant(zone).toLocalDate())));
    }

    /** An ISO-8601 timestamp with offset, checked both ways. */
    public static ValueCodec timestamp() {
        return of("ISO-8601 timestamp with offset", n -> TextNode.valueOf(parseTimestamp(n.asText()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                n -> TextNode.valueOf(parseTimestamp(n.asText()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
    }

    /** Epoch milliseconds ⇄ a canonical timestamp in UTC (the native format has no offset to keep). */
    public static ValueCodec epochMillis() {
        return of("epoch milliseconds ⇄ timestamp (UTC)", n -> TextNode.valueOf(OffsetDateTime.ofInstant(Instant.ofEpochMilli(parseLong(n.asText())), ZoneOffset.UTC)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                n -> LongNode.valueOf(parseTimestamp(n.asText()).toInstant().toEpochMilli()));
    }

    /** Epoch milliseconds at UTC midnight ⇄ a canonical date. */
    public static ValueCodec epochMillisDate() {
        return of("epoch milliseconds at 00:00 UTC ⇄ date", n -> {
            Instant instant = Instant.ofEpochMilli(parseLong(n.asText()));
            LocalDate date = LocalDate.ofInstant(instant, ZoneOffset.UTC);
            if (!date.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant)) {
                throw new IllegalArgumentException("a date should be epoch milliseconds at 00:00 UTC, e.g. "
                        + date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            }
            return TextNode.valueOf(date.toString());
        }, n -> LongNode.valueOf(parseDate(n.asText(), DateTimeFormatter.ISO_LOCAL_DATE, "yyyy-MM-dd")
                .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()));
    }

    /**
     * A code table, native code → canonical code, read in declaration order; writing uses the first native
     * code declared for a canonical one. Unknown codes are refused with the list of known ones.
     */
    public static ValueCodec table(String name, Map<String, String> nativeToCanonical) {
        Map<String, String> forward = new LinkedHashMap<>(nativeToCanonical);
        Map<String, String> backward = new LinkedHashMap<>();
        forward.forEach((nativeCode, canonicalCode) -> backward.putIfAbsent(canonicalCode, nativeCode));
        StringBuilder description = new StringBuilder(name + ": ");
        forward.forEach((nativeCode, canonicalCode) -> description.append(nativeCode).append(" → ").append(canonicalCode).append(", "));
        description.setLength(description.length() - 2);
        return of(description.toString(), n -> {
            String canonical = forward.get(n.asText());
            if (canonical == null) {
                throw new IllegalArgumentException("unknown " + name + "; expected one of " + String.join(", ", forward.keySet()));
            }
            return TextNode.valueOf(canonical);
        }, n -> {
            String nativeCode = backward.get(n.asText());
            if (nativeCode == null) {
                throw new IllegalArgumentException("has no " + name + " equivalent; this format knows " + String.join(", ", backward.keySet()));
            }
            return TextNode.valueOf(nativeCode);
        });
    }

    /** A code table given as native, canonical, native, canonical, … pairs. */
    public static ValueCodec table(String name, String... nativeCanonicalPairs) {
        if (nativeCanonicalPairs.length % 2 != 0) {
            throw new IllegalArgumentException(name + ": code pairs come in twos");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nativeCanonicalPairs.length; i += 2) {
            map.put(nativeCanonicalPairs[i], nativeCanonicalPairs[i + 1]);
        }
        return table(name, map);
    }

    /** Text that must match {@code regex}; {@code example} tells the sender what would be right. */
    public static ValueCodec matching(String regex, String example) {
        Pattern pattern = Pattern.compile(regex);
        UnaryOperator<JsonNode> check = n -> {
            if (!pattern.matcher(n.asText()).matches()) {
                throw new IllegalArgumentException("should look like " + example);
            }
            return TextNode.valueOf(n.asText());
        };
        return of("must match " + regex, check, check);
    }

    /** An agency's own proposal id, checked against the format the contracts know for that agency. */
    public static ValueCodec localProposalId(String agency) {
        AgencyId id = AgencyId.of(agency);
        UnaryOperator<JsonNode> check = n -> {
            try {
                return TextNode.valueOf(LocalProposalIdFormats.known().check(id, n.asText()).value());
            } catch (ContractViolation e) {
                throw new IllegalArgumentException(e.reason(), e);
            }
        };
        return of(agency + " proposal id format", check, check);
    }

    /** An ORCID iD with its ISO 7064 MOD 11-2 check digit verified. */
    public static ValueCodec orcid() {
        UnaryOperator<JsonNode> check = n -> {
            try {
                return TextNode.valueOf(Orcid.of(n.asText()).value());
            } catch (ContractViolation e) {
                throw new IllegalArgumentException(e.reason(), e);
            }
        };
        return of("ORCID iD, check digit verified", check, check);
    }

    /** A ROR id in its canonical URL form, check digits verified. */
    public static ValueCodec ror() {
        UnaryOperator<JsonNode> check = n -> {
            try {
                return TextNode.valueOf(RorId.of(n.asText()).url());
            } catch (ContractViolation e) {
                throw new IllegalArgumentException(e.reason(), e);
            }
        };
        return of("ROR id (URL form), checksum verified", check, check);
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
    }

    private static LocalDate parseDate(String text, DateTimeFormatter format, String pattern) {
        try {
            return LocalDate.parse(text, format);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a date of the form " + pattern, e);
        }
    }

    private static OffsetDateTime parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a timestamp with offset such as 2026-04-01T09:00:00+09:00", e);
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a whole number", e);
        }
    }

    private static BigDecimal parseDecimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a decimal number", e);
        }
    }

    private static boolean parseBoolean(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("should be true or false");
    }
}
