package org.jointcall.signature.keys;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.VerificationKey;

/**
 * The public halves of signing keys as a JSON Web Key Set (RFC 7517), the form in which partners register
 * keys with the gateway ({@link JwksReader} reads it back) and in which the gateway publishes its own.
 * Only public members are written; a shared HMAC secret has no public half and is refused.
 */
public final class JwksWriter {

    /** The JOSE {@code alg} name written for each algorithm; {@link JwksReader} accepts these and a few aliases. */
    static final Map<SignatureAlgorithm, String> JOSE_NAMES = Map.of(
            SignatureAlgorithm.ED25519, "EdDSA",
            SignatureAlgorithm.ECDSA_P256_SHA256, "ES256",
            SignatureAlgorithm.RSA_PSS_SHA512, "PS512",
            SignatureAlgorithm.RSA_V1_5_SHA256, "RS256");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private JwksWriter() {
    }

    /** A JWKS with one public JWK per identity: {@code kid}, {@code alg}, {@code use: sig}, and {@code nbf}/{@code exp} when bounded. */
    public static String write(Collection<SigningIdentity> identities) {
        return keySet(identities.stream().map(identity -> jwk(identity.keyId(), identity.key().verificationKey(), identity.validity())));
    }

    /** The same for keys as the gateway registered them, e.g. a partner's key, to hand on with what it signed. */
    public static String writeRegistered(Collection<RegisteredKey> keys) {
        return keySet(keys.stream().map(key -> jwk(key.keyId(), key.key(), key.validity())));
    }

    private static String keySet(Stream<ObjectNode> jwks) {
        ObjectNode set = JSON.createObjectNode();
        ArrayNode keys = set.putArray("keys");
        jwks.forEach(keys::add);
        return set.toString();
    }

    private static ObjectNode jwk(String keyId, VerificationKey verification, Validity validity) {
        SignatureAlgorithm algorithm = verification.algorithm();
        String jose = JOSE_NAMES.get(algorithm);
        if (jose == null) {
            throw new IllegalArgumentException(keyId + ": " + algorithm.identifier() + " has no public key to publish");
        }
        ObjectNode jwk = JSON.createObjectNode();
        CipherParameters key = verification.parameters();
        if (key instanceof Ed25519PublicKeyParameters ed25519) {
            jwk.put("kty", "OKP").put("crv", "Ed25519").put("x", BASE64URL.encodeToString(ed25519.getEncoded()));
        } else if (key instanceof ECPublicKeyParameters ec) {
            ECPoint point = ec.getQ().normalize();
            jwk.put("kty", "EC").put("crv", "P-256")
                    .put("x", BASE64URL.encodeToString(point.getAffineXCoord().getEncoded()))
                    .put("y", BASE64URL.encodeToString(point.getAffineYCoord().getEncoded()));
        } else if (key instanceof RSAKeyParameters rsa) {
            jwk.put("kty", "RSA").put("n", unsigned(rsa.getModulus())).put("e", unsigned(rsa.getExponent()));
        } else {
            throw new IllegalArgumentException(keyId + ": cannot write a " + key.getClass().getSimpleName() + " as a JWK");
        }
        jwk.put("kid", keyId).put("alg", jose).put("use", "sig");
        validity.notBefore().ifPresent(notBefore -> jwk.put("nbf", notBefore.getEpochSecond()));
        validity.notAfter().ifPresent(notAfter -> jwk.put("exp", notAfter.getEpochSecond()));
        return jwk;
    }

    /** RFC 7518 §6.3.1: the big-endian value without the sign byte BigInteger may add. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return BASE64URL.encodeToString(bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }
}
