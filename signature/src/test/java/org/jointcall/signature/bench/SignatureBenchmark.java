package org.jointcall.signature.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.Signed;
import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.fixtures.Rfc9421Keys;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.RegisteredKey;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.verify.MessageVerifier;
import org.jointcall.signature.verify.SignatureRejectedException;
import org.jointcall.signature.verify.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sign and verify a profile request (a 1 KiB JSON body) per algorithm, four ways: {@code apiSign}
 * and {@code apiVerify} go through {@link MessageSigner} and {@link MessageVerifier} (digest, base,
 * structured fields, policy checks); {@code rawSign} and {@code rawVerify} call the Bouncy Castle
 * signer configured as RFC 9421 prescribes on the same signature base bytes. The nonce store is one
 * that accepts every nonce: in the gateway it is a database round trip, measured elsewhere.
 */
@State(Scope.Benchmark)
public class SignatureBenchmark {

    @Param({"ed25519", "ecdsa-p256-sha256", "rsa-pss-sha512"})
    public String algorithm;

    private MessageSigner signer;
    private MessageVerifier verifier;
    private RequestMessage request;
    private RequestMessage signedRequest;
    private byte[] base;
    private byte[] signature;
    private CipherParameters privateKey;
    private CipherParameters publicKey;
    private SecureRandom random;

    @Setup
    public void setUp() throws SignatureRejectedException {
        SigningKey key = keyFor(SignatureAlgorithm.byIdentifier(algorithm).orElseThrow());
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        signer = new MessageSigner(SigningIdentity.of("bench-key", key), clock);
        KeyRegistry registry = KeyRegistry.of(List.of(RegisteredKey.builder("nsf", "bench-key", key.verificationKey()).build()));
        verifier = new MessageVerifier(SignatureProfile.requestPolicy(), registry, (keyId, nonce, expiresAt) -> true, clock);
        request = RequestMessage.of("POST", URI.create("https://gateway.example/api/v1/exchange/nsf/messages"),
                HttpFields.of("Content-Type", "application/json", "Accept", "application/json"), body(1024));
        Signed<RequestMessage> signed = signer.signRequest(request);
        signedRequest = signed.message();
        base = signed.base().bytes();
        signature = signed.signature().value();
        privateKey = key.parameters();
        publicKey = key.verificationKey().parameters();
        random = new SecureRandom();
        verifier.verify(signedRequest, "nsf");
        if (!rawVerify()) {
            throw new IllegalStateException("raw " + algorithm + " does not verify the API's signature");
        }
    }

    @Benchmark
    public Signed<RequestMessage> apiSign() {
        return signer.signRequest(request);
    }

    @Benchmark
    public Verdict apiVerify() throws SignatureRejectedException {
        return verifier.verify(signedRequest, "nsf");
    }

    @Benchmark
    public byte[] rawSign() throws CryptoException {
        Signer raw = rawSigner();
        raw.init(true, "rsa-pss-sha512".equals(algorithm) ? new ParametersWithRandom(privateKey, random) : privateKey);
        raw.update(base, 0, base.length);
        return raw.generateSignature();
    }

    @Benchmark
    public boolean rawVerify() {
        Signer raw = rawSigner();
        raw.init(false, publicKey);
        raw.update(base, 0, base.length);
        return raw.verifySignature(signature);
    }

    private Signer rawSigner() {
        switch (algorithm) {
            case "ed25519":
                return new Ed25519Signer();
            case "ecdsa-p256-sha256":
                return new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())), new SHA256Digest(), PlainDSAEncoding.INSTANCE);
            default:
                return new PSSSigner(new RSABlindedEngine(), new SHA512Digest(), 64);
        }
    }

    private static SigningKey keyFor(SignatureAlgorithm algorithm) {
        switch (algorithm) {
            case ED25519:
                return Rfc9421Keys.ed25519Private();
            case ECDSA_P256_SHA256:
                return Rfc9421Keys.eccP256Private();
            case RSA_PSS_SHA512:
                return Rfc9421Keys.rsaPssPrivate();
            default:
                throw new IllegalArgumentException("not benchmarked: " + algorithm);
        }
    }

    private static byte[] body(int size) {
        StringBuilder json = new StringBuilder("{\"proposal\": \"2412345\", \"abstract\": \"");
        while (json.length() < size - 2) {
            json.append('x');
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
