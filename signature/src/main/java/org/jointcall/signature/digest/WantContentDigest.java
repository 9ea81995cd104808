package org.jointcall.signature.digest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.greenbytes.http.sfv.IntegerItem;
import org.greenbytes.http.sfv.ListElement;
import org.jointcall.signature.structured.MalformedFieldException;
import org.jointcall.signature.structured.StructuredFields;

/**
 * A peer's {@code Want-Content-Digest} (RFC 9530 §4): digest algorithms with preference weights from
 * 0 (not acceptable) to 10 (most preferred). The gateway uses it to pick the digest of its replies.
 */
public final class WantContentDigest {

    /** The field name. */
    public static final String FIELD = "Want-Content-Digest";

    private final Map<String, Integer> preferences;

    private WantContentDigest(Map<String, Integer> preferences) {
        this.preferences = Collections.unmodifiableMap(new LinkedHashMap<>(preferences));
    }

    /**
     * Parses the lines of a {@code Want-Content-Digest} field.
     *
     * @throws MalformedFieldException when the value is not a dictionary of integers 0–10
     */
    public static WantContentDigest parse(List<String> lines) {
        Map<String, Integer> preferences = new LinkedHashMap<>();
        for (Map.Entry<String, ListElement<? extends Object>> member : StructuredFields.parseDictionary(FIELD, lines).get().entrySet()) {
            ListElement<?> value = member.getValue();
            if (!(value instanceof IntegerItem) || ((IntegerItem) value).getAsLong() < 0 || ((IntegerItem) value).getAsLong() > 10) {
                throw new MalformedFieldException(FIELD, "member " + member.getKey()
                        + " must be an integer preference from 0 to 10, got " + value.serialize());
            }
            preferences.put(member.getKey(), (int) ((IntegerItem) value).getAsLong());
        }
        return new WantContentDigest(preferences);
    }

    /** The weight given to {@code algorithmKey}; 0 when absent. */
    public int weightOf(String algorithmKey) {
        return preferences.getOrDefault(algorithmKey, 0);
    }

    /** The active algorithm with the highest non-zero weight; the first listed wins a tie. */
    public Optional<DigestAlgorithm> preferred() {
        DigestAlgorithm best = null;
        int bestWeight = 0;
        for (Map.Entry<String, Integer> preference : preferences.entrySet()) {
            Optional<DigestAlgorithm> algorithm = DigestAlgorithm.byKey(preference.getKey());
            if (algorithm.isPresent() && preference.getValue() > bestWeight) {
                best = algorithm.get();
                bestWeight = preference.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WantContentDigest && ((WantContentDigest) other).preferences.equals(preferences);
    }

    @Override
    public int hashCode() {
        return preferences.hashCode();
    }

    @Override
    public String toString() {
        return preferences.toString();
    }
}
