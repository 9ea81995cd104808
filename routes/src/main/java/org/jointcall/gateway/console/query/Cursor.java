package org.jointcall.gateway.console.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where a keyset page ends: the sort key values of its last row, which the next page starts after.
 * Opaque to clients (base64url of the values separated by a unit separator), so the API may change
 * what it holds; a token that does not decode is refused as a bad request, not guessed at.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';
    private static final Cursor START = new Cursor(List.of());

    private final List<String> values;

    private Cursor(List<String> values) {
        this.values = List.copyOf(values);
    }

    /** The cursor after a row whose sort key is {@code values}. */
    public static Cursor of(String... values) {
        for (String value : values) {
            if (value == null || value.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a cursor value must be present and free of U+001F: " + value);
            }
        }
        return new Cursor(List.of(values));
    }

    /** The first page. */
    public static Cursor start() {
        return START;
    }

    /**
     * The cursor a client sent back; null or blank means the first page.
     *
     * @throws IllegalArgumentException if {@code token} is not a cursor this API produced
     */
    public static Cursor parse(String token) {
        if (token == null || token.isBlank()) {
            return START;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '" + token + "' is not one this API gave (not base64url)", e);
        }
        return new Cursor(List.of(decoded.split(String.valueOf(SEPARATOR), -1)));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8));
    }

    public boolean isStart() {
        return values.isEmpty();
    }

    /** How many values the cursor holds. */
    public int size() {
        return values.size();
    }

    /** The {@code index}-th value; a cursor of the wrong shape for this list is refused. */
    public String at(int index) {
        if (index >= values.size()) {
            throw new IllegalArgumentException("the cursor does not belong to this list (it has " + values.size() + " values)");
        }
        return values.get(index);
    }

    public long longAt(int index) {
        try {
            return Long.parseLong(at(index));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the cursor does not belong to this list ('" + at(index) + "' is not a number)", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cursor that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Cursor" + values;
    }
}
