package org.jointcall.signature.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The header fields of a message as an ordered list of field lines.
 *
 * <p>Signatures are sensitive to the order of repeated lines of one field ({@code Accept: a} then
 * {@code Accept: b} is not {@code Accept: b, a}), so the view keeps every line as it arrived instead
 * of a map. Names compare case-insensitively; values are kept verbatim, including any surrounding
 * whitespace, because stripping is a rule of the signature base, not of the message.
 */
public final class HttpFields {

    private static final HttpFields EMPTY = new HttpFields(List.of());

    private final List<FieldLine> lines;

    private HttpFields(List<FieldLine> lines) {
        this.lines = List.copyOf(lines);
    }

    /** No field lines at all. */
    public static HttpFields empty() {
        return EMPTY;
    }

    /**
     * Field lines from alternating names and values: {@code of("Host", "example.com", "Accept", "*}{@code /*")}.
     */
    public static HttpFields of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("HttpFields.of needs name/value pairs, got an odd number ("
                    + namesAndValues.length + ") of strings");
        }
        List<FieldLine> lines = new ArrayList<>(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            lines.add(new FieldLine(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new HttpFields(lines);
    }

    /** Field lines in the given order. */
    public static HttpFields of(List<FieldLine> lines) {
        return lines.isEmpty() ? EMPTY : new HttpFields(lines);
    }

    /** Every line in message order. */
    public List<FieldLine> lines() {
        return lines;
    }

    /** The values of every line named {@code name} (any case), in message order; empty when absent. */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>(2);
        for (FieldLine line : lines) {
            if (line.hasName(name)) {
                values.add(line.value());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** Whether at least one line carries this field name (any case). */
    public boolean contains(String name) {
        for (FieldLine line : lines) {
            if (line.hasName(name)) {
                return true;
            }
        }
        return false;
    }

    /** A copy with one more line appended at the end. */
    public HttpFields with(String name, String value) {
        List<FieldLine> copy = new ArrayList<>(lines.size() + 1);
        copy.addAll(lines);
        copy.add(new FieldLine(name, value));
        return new HttpFields(copy);
    }

    /** A copy with the lines of {@code other} appended at the end. */
    public HttpFields withAll(HttpFields other) {
        List<FieldLine> copy = new ArrayList<>(lines.size() + other.lines.size());
        copy.addAll(lines);
        copy.addAll(other.lines);
        return new HttpFields(copy);
    }

    /** A copy without any line named {@code name} (any case). */
    public HttpFields without(String name) {
        List<FieldLine> copy = new ArrayList<>(lines.size());
        for (FieldLine line : lines) {
            if (!line.hasName(name)) {
                copy.add(line);
            }
        }
        return new HttpFields(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpFields && ((HttpFields) other).lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return lines.toString();
    }

    /**
     * One field line. The name must be an RFC 9110 token; the value may not contain CR, LF or NUL
     * (RFC 9110 §5.5), which also keeps a forged line break out of the signature base.
     */
    public static final class FieldLine {

        private final String name;
        private final String value;

        public FieldLine(String name, String value) {
            Objects.requireNonNull(name, "field name");
            Objects.requireNonNull(value, "value of field " + name);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("field name is empty; it must be an RFC 9110 token such as Content-Type");
            }
            for (int i = 0; i < name.length(); i++) {
                if (!isTokenChar(name.charAt(i))) {
                    throw new IllegalArgumentException("field name '" + name + "' has the character '" + name.charAt(i)
                            + "' at position " + i + "; field names are RFC 9110 tokens (letters, digits, !#$%&'*+-.^_`|~)");
                }
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("value of field " + name + " contains a " + (c == 0 ? "NUL" : c == '\r' ? "CR" : "LF")
                            + " at position " + i + "; field values must be a single line (RFC 9110 §5.5)");
                }
            }
            this.name = name;
            this.value = value;
        }

        public String name() {
            return name;
        }

        public String value() {
            return value;
        }

        /** Whether this line's name equals {@code other}, ignoring ASCII case. */
        public boolean hasName(String other) {
            return name.equalsIgnoreCase(other);
        }

        private static boolean isTokenChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof FieldLine)) {
                return false;
            }
            FieldLine that = (FieldLine) other;
            return name.toLowerCase(Locale.ROOT).equals(that.name.toLowerCase(Locale.ROOT)) && value.equals(that.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name.toLowerCase(Locale.ROOT), value);
        }

        @Override
        public String toString() {
            return name + ": " + value;
        }
    }
}
