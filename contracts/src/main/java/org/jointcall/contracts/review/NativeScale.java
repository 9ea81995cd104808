package org.jointcall.contracts.review;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The review scales of the agencies the gateway knows, so that a score is kept verbatim yet still
 * checked: "V/G" is a valid NSF score, "7" is not a valid UKRI one. Scores are never converted to
 * another agency's scale for a decision; each agency decides on its own scale.
 */
public enum NativeScale {

    /** NSF merit review: Excellent, Very good, Good, Fair, Poor, and split ratings such as "V/G". */
    NSF_EVGFP("E, V, G, F or P, or a split rating of two such as V/G", Pattern.compile("[EVGFP](/[EVGFP])?")),
    /** UKRI assessment scale 1 (poor) to 6 (exceptional). */
    UKRI_1_6("a whole number from 1 to 6", Pattern.compile("[1-6]")),
    /** NWO qualifications in words. */
    NWO_WORDS("excellent, very good, good or unsatisfactory", Pattern.compile("excellent|very good|good|unsatisfactory", Pattern.CASE_INSENSITIVE)),
    /** Research Council of Finland 1 (insufficient) to 6 (outstanding). */
    RCF_1_6("a whole number from 1 to 6", Pattern.compile("[1-6]")),
    /** ANR 0 to 5, halves allowed. */
    ANR_0_5("a number from 0 to 5 in steps of 0.5", Pattern.compile("[0-4](\\.[05])?|5(\\.0)?"));

    private static final Map<String, NativeScale> BY_CODE = Map.of(
            "NSF_EVGFP", NSF_EVGFP, "UKRI_1_6", UKRI_1_6, "NWO_WORDS", NWO_WORDS, "RCF_1_6", RCF_1_6, "ANR_0_5", ANR_0_5);

    private final String expected;
    private final Pattern scores;

    NativeScale(String expected, Pattern scores) {
        this.expected = expected;
        this.scores = scores;
    }

    /** The known scale with that code; agencies configured later may use codes the gateway does not know. */
    public static Optional<NativeScale> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public boolean accepts(String nativeScore) {
        return nativeScore != null && scores.matcher(nativeScore.strip()).matches();
    }

    /** What a valid score on this scale looks like, for error messages. */
    public String expected() {
        return expected;
    }
}
