package org.jointcall.signature.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.VerificationKey;

/**
 * Partner keys from a JSON Web Key Set (RFC 7517).
 *
 * <p>Each key needs a {@code kid}. Its algorithm comes from {@code alg} — an HTTP signature algorithm
 * name or its JOSE equivalent ({@code EdDSA}, {@code ES256}, {@code PS512}, {@code RS256},
 * {@code HS256}) — or, where unambiguous, from the key type. The validity window uses the JWT
 * claim names {@code nbf} and {@code exp} (seconds since the epoch), which several key servers
 * already put on JWKs. A JWK with private members ({@code d}, {@code p}, …) is refused: a partner
 * must never have sent its private key.
 */
final class JwksReader {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth");
    /** The names {@link JwksWriter} writes, plus {@code Ed25519} (a fully specified name some key servers use) and {@code HS256} for shared secrets. */
    private static final Map<String, SignatureAlgorithm> JOSE_NAMES = joseNames();

    private JwksReader() {
    }

    private static Map<String, SignatureAlgorithm> joseNames() {
        Map<String, SignatureAlgorithm> names = new HashMap<>();
        JwksWriter.JOSE_NAMES.forEach((algorithm, name) -> names.put(name, algorithm));
        names.put("Ed25519", SignatureAlgorithm.ED25519);
        names.put("HS256", SignatureAlgorithm.HMAC_SHA256);
        return Map.copyOf(names);
    }

    static List<RegisteredKey> read(String agency, byte[] json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new KeyFileException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KeyFileException(source + ": unreadable: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("keys").isArray()) {
            throw new KeyFileException(source + ": a JWKS is an object with a \"keys\" array (RFC 7517 §5)");
        }
        List<RegisteredKey> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode jwk : root.get("keys")) {
            String where = source + " keys[" + index++ + "]";
            RegisteredKey key = readKey(agency, jwk, where);
            if (!seen.add(key.keyId())) {
                throw new KeyFileException(where + ": kid " + key.keyId() + " appears twice in the set");
            }
            keys.add(key);
        }
        return keys;
    }

    private static RegisteredKey readKey(String agency, JsonNode jwk, String where) {
        if (!jwk.isObject()) {
            throw new KeyFileException(where + ": each key must be a JSON object");
        }
        for (Iterator<String> names = jwk.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (PRIVATE_MEMBERS.contains(name)) {
                throw new KeyFileException(where + ": contains the private member \"" + name
                        + "\"; a partner key set must hold public keys only — ask the partner to rotate this key");
            }
        }
        String kid = text(jwk, "kid", where);
        String use = jwk.path("use").asText("sig");
        if (!"sig".equals(use)) {
            throw new KeyFileException(where + " (" + kid + "): \"use\" is \"" + use + "\", expected \"sig\"");
        }
        String kty = text(jwk, "kty", where);
        CipherParameters key;
        SignatureAlgorithm implied;
        try {
            switch (kty) {
                case "OKP":
                    requireValue(jwk, "crv", "Ed25519", where);
                    key = new Ed25519PublicKeyParameters(bytes(jwk, "x", where, Ed25519PublicKeyParameters.KEY_SIZE), 0);
                    implied = SignatureAlgorithm.ED25519;
                    break;
                case "EC":
                    requireValue(jwk, "crv", "P-256", where);
                    ECNamedDomainParameters p256 = ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1);
                    key = new ECPublicKeyParameters(p256.getCurve().validatePoint(
                            new BigInteger(1, bytes(jwk, "x", where, 32)), new BigInteger(1, bytes(jwk, "y", where, 32))), p256);
                    implied = SignatureAlgorithm.ECDSA_P256_SHA256;
                    break;
                case "RSA":
                    key = new RSAKeyParameters(false, new BigInteger(1, bytes(jwk, "n", where, -1)), new BigInteger(1, bytes(jwk, "e", where, -1)));
                    implied = null;
                    break;
                case "oct":
                    key = new KeyParameter(bytes(jwk, "k", where, -1));
                    implied = SignatureAlgorithm.HMAC_SHA256;
                    break;
                default:
                    throw new KeyFileException(where + " (" + kid + "): kty \"" + kty + "\" is not OKP, EC, RSA or oct");
            }
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(where + " (" + kid + "): " + e.getMessage(), e);
        }
        SignatureAlgorithm algorithm = algorithm(jwk, implied, where + " (" + kid + ")");
        try {
            return RegisteredKey.builder(agency, kid, VerificationKey.of(algorithm, key))
                    .validity(Validity.between(epochSeconds(jwk, "nbf", where), epochSeconds(jwk, "exp", where)))
                    .source(where)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(where + " (" + kid + "): " + e.getMessage(), e);
        }
    }

    private static SignatureAlgorithm algorithm(JsonNode jwk, SignatureAlgorithm implied, String where) {
        JsonNode alg = jwk.get("alg");
        if (alg == null) {
            if (implied == null) {
                throw new KeyFileException(where + ": an RSA key needs \"alg\": \"rsa-pss-sha512\" (PS512) or \"rsa-v1_5-sha256\" (RS256)");
            }
            return implied;
        }
        String name = alg.asText();
        SignatureAlgorithm declared = SignatureAlgorithm.byIdentifier(name).orElseGet(() -> JOSE_NAMES.get(name));
        if (declared == null) {
            throw new KeyFileException(where + ": alg \"" + name + "\" is not one the gateway accepts ("
                    + "rsa-pss-sha512/PS512, rsa-v1_5-sha256/RS256, ecdsa-p256-sha256/ES256, ed25519/EdDSA, hmac-sha256/HS256)");
        }
        if (implied != null && implied != declared) {
            throw new KeyFileException(where + ": alg \"" + name + "\" does not fit the key type, which is for " + implied);
        }
        return declared;
    }

    private static String text(JsonNode jwk, String member, String where) {
        JsonNode value = jwk.get(member);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new KeyFileException(where + ": member \"" + member + "\" is required and must be a non-empty string");
        }
        return value.asText();
    }

    private static void requireValue(JsonNode jwk, String member, String expected, String where) {
        String actual = jwk.path(member).asText(null);
        if (!expected.equals(actual)) {
            throw new KeyFileException(where + ": \"" + member + "\" is " + (actual == null ? "missing" : "\"" + actual + "\"")
                    + ", the gateway accepts \"" + expected + "\"");
        }
    }

    private static byte[] bytes(JsonNode jwk, String member, String where, int expectedLength) {
        String value = text(jwk, member, where);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(where + ": member \"" + member + "\" is not base64url: " + e.getMessage(), e);
        }
        if (expectedLength > 0 && bytes.length != expectedLength) {
            throw new KeyFileException(where + ": member \"" + member + "\" has " + bytes.length + " bytes, expected " + expectedLength);
        }
        return bytes;
    }

    private static Instant epochSeconds(JsonNode jwk, String member, String where) {
        JsonNode value = jwk.get(member);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new KeyFileException(where + ": \"" + member + "\" must be seconds since the epoch, e.g. 1798761600");
        }
        return Instant.ofEpochSecond(value.asLong());
    }
}
