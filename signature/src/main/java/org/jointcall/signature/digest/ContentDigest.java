package org.jointcall.signature.digest;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.ListElement;
import org.jointcall.signature.structured.MalformedFieldException;
import org.jointcall.signature.structured.StructuredFields;

/**
 * The value of a {@code Content-Digest} field (RFC 9530 §2): one or more digests of the body bytes
 * as transmitted, keyed by algorithm.
 *
 * <p>Checking is strict in one direction and lenient in the other: every member with an active
 * algorithm must match (one wrong digest is a tampered body, whatever the others say), while members
 * with unknown or deprecated algorithms are ignored, as §2 allows.
 */
public final class ContentDigest {

    /** The field name. */
    public static final String FIELD = "Content-Digest";

    private final Map<String, byte[]> members;

    private ContentDigest(Map<String, byte[]> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException(FIELD + " needs at least one digest");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        members.forEach((key, value) -> copy.put(key, value.clone()));
        this.members = Collections.unmodifiableMap(copy);
    }

    /** The digests of {@code body} with each of {@code algorithms}, in that order. */
    public static ContentDigest of(byte[] body, DigestAlgorithm... algorithms) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (DigestAlgorithm algorithm : algorithms) {
            members.put(algorithm.key(), algorithm.digest(body));
        }
        return new ContentDigest(members);
    }

    /**
     * Parses the lines of a {@code Content-Digest} field.
     *
     * @throws MalformedFieldException when the value is not a dictionary of byte sequences
     */
    public static ContentDigest parse(List<String> lines) {
        Dictionary dictionary = StructuredFields.parseDictionary(FIELD, lines);
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (Map.Entry<String, ListElement<? extends Object>> member : dictionary.get().entrySet()) {
            if (!(member.getValue() instanceof ByteSequenceItem)) {
                throw new MalformedFieldException(FIELD, "member " + member.getKey()
                        + " must be a byte sequence such as :base64-digest:, got " + member.getValue().serialize());
            }
            ByteBuffer buffer = ((ByteSequenceItem) member.getValue()).get().duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            members.put(member.getKey(), bytes);
        }
        if (members.isEmpty()) {
            throw new MalformedFieldException(FIELD, "the field is empty; it must carry at least one digest, e.g. sha-256=:…:");
        }
        return new ContentDigest(members);
    }

    /** The field value, e.g. {@code sha-512=:WZDPaVn/…:}. */
    public String serialize() {
        Map<String, ListElement<? extends Object>> dictionary = new LinkedHashMap<>();
        members.forEach((key, value) -> dictionary.put(key, ByteSequenceItem.valueOf(value)));
        return Dictionary.valueOf(dictionary).serialize();
    }

    /** The algorithm keys present, in field order, including ones this gateway does not know. */
    public List<String> algorithmKeys() {
        return List.copyOf(members.keySet());
    }

    /** Compares every active-algorithm member against {@code body}. */
    public DigestCheck check(byte[] body) {
        List<DigestAlgorithm> matched = new ArrayList<>();
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
            DigestAlgorithm algorithm = DigestAlgorithm.byKey(member.getKey()).orElse(null);
            if (algorithm == null) {
                continue;
            }
            byte[] actual = algorithm.digest(body);
            if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(actual, member.getValue())) {
                return DigestCheck.mismatch(FIELD + " " + algorithm.key() + " is :" + base64(member.getValue())
                        + ": but the " + body.length + "-byte body digests to :" + base64(actual) + ":");
            }
            matched.add(algorithm);
        }
        if (matched.isEmpty()) {
            return DigestCheck.noUsableDigest(FIELD + " offers only " + members.keySet()
                    + "; the gateway accepts sha-256 or sha-512");
        }
        return DigestCheck.match(matched);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ContentDigest)) {
            return false;
        }
        Map<String, byte[]> those = ((ContentDigest) other).members;
        if (!those.keySet().equals(members.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
            if (!Arrays.equals(member.getValue(), those.get(member.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(serialize());
    }

    @Override
    public String toString() {
        return serialize();
    }
}
