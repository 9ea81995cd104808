package org.jointcall.signature.base;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The application/x-www-form-urlencoded decoding and percent-encoding of the WHATWG URL standard,
 * which RFC 9421 §2.2.8 prescribes for {@code @query-param} names and values. Unlike
 * {@link java.net.URLDecoder} it never fails: a stray {@code %} stays literal, as browsers do.
 */
final class FormUrlEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormUrlEncoding() {
    }

    /** Decodes {@code +} to space and {@code %XX} to bytes, then reads the bytes as UTF-8. */
    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        byte[] raw = encoded.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%' && i + 2 < raw.length && hexValue(raw[i + 1]) >= 0 && hexValue(raw[i + 2]) >= 0) {
                bytes.write(hexValue(raw[i + 1]) * 16 + hexValue(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * Percent-encodes the UTF-8 bytes of {@code value} with the application/x-www-form-urlencoded
     * percent-encode set: everything but ASCII letters, digits and {@code *-._} becomes {@code %XX}
     * (upper-case hex), a space included.
     */
    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '*' || c == '-' || c == '.' || c == '_') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
