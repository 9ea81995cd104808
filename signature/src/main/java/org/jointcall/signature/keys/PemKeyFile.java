package org.jointcall.signature.keys;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.VerificationKey;

/**
 * A partner key in a PEM file of the key directory.
 *
 * <p>RFC 7468 lets explanatory text precede the {@code -----BEGIN} line; the registry uses that room
 * for the metadata a bare key lacks, one {@code Name: value} per line:
 * <pre>
 * Key-Id: nsf-2026-a
 * Algorithm: rsa-pss-sha512
 * Not-Before: 2026-01-01T00:00:00Z
 * Not-After: 2027-01-31T00:00:00Z
 * -----BEGIN PUBLIC KEY-----
 * </pre>
 * Every line is optional: the key id defaults to the file name without extension, the algorithm to
 * the one the key implies, and a certificate's own validity applies, narrowed by any header given.
 * Lines starting with {@code #} are comments; any other text is an error, so a misspelt header is
 * noticed instead of ignored.
 */
final class PemKeyFile {

    private PemKeyFile() {
    }

    static RegisteredKey read(String agency, String fileName, String text, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        int begin = text.indexOf("-----BEGIN");
        if (begin < 0) {
            throw new KeyFileException(source + ": no -----BEGIN …----- block");
        }
        for (String line : text.substring(0, begin).split("\r?\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String name = colon < 0 ? "" : trimmed.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("key-id") && !name.equals("algorithm") && !name.equals("not-before") && !name.equals("not-after")) {
                throw new KeyFileException(source + ": unexpected line '" + trimmed
                        + "' before the PEM block; allowed are Key-Id:, Algorithm:, Not-Before:, Not-After: and # comments");
            }
            if (headers.put(name, trimmed.substring(colon + 1).trim()) != null) {
                throw new KeyFileException(source + ": header " + name + " appears twice");
            }
        }
        String pem = text.substring(begin);
        SignatureAlgorithm algorithm = null;
        if (headers.containsKey("algorithm")) {
            String name = headers.get("algorithm");
            algorithm = SignatureAlgorithm.byIdentifier(name).orElseThrow(() -> new KeyFileException(source + ": Algorithm '" + name
                    + "' is not one of rsa-pss-sha512, rsa-v1_5-sha256, ecdsa-p256-sha256, ed25519, hmac-sha256"));
        }
        VerificationKey key;
        try {
            key = PemKeys.publicKey(pem, algorithm);
        } catch (KeyFileException | IllegalArgumentException e) {
            throw new KeyFileException(source + ": " + e.getMessage(), e);
        }
        Validity validity = Validity.between(instant(headers.get("not-before"), "Not-Before", source),
                instant(headers.get("not-after"), "Not-After", source));
        X509CertificateHolder certificate = certificateIn(pem);
        if (certificate != null) {
            validity = validity.narrowedTo(Validity.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()));
        }
        String keyId = headers.getOrDefault("key-id", stem(fileName));
        try {
            return RegisteredKey.builder(agency, keyId, key).validity(validity).source(source).build();
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(source + ": " + e.getMessage(), e);
        }
    }

    private static X509CertificateHolder certificateIn(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            return object instanceof X509CertificateHolder ? (X509CertificateHolder) object : null;
        } catch (IOException e) {
            throw new KeyFileException("PEM became unreadable on a second pass: " + e.getMessage(), e);
        }
    }

    private static Instant instant(String value, String header, String source) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new KeyFileException(source + ": " + header + " '" + value + "' is not an ISO-8601 instant such as 2027-01-31T00:00:00Z", e);
        }
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }
}
