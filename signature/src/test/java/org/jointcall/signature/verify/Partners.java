package org.jointcall.signature.verify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.SignatureProfile;
import org.jointcall.signature.algorithm.SigningKey;
import org.jointcall.signature.fixtures.GeneratedKeys;
import org.jointcall.signature.fixtures.MutableClock;
import org.jointcall.signature.fixtures.Rfc9421Keys;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.RegisteredKey;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.keys.Validity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;

/**
 * A small world for policy tests: a clock, NSF with an Ed25519, an ECDSA, an RSA-PSS, an HMAC and an
 * expired key, UKRI with one key, and the gateway's own key.
 */
final class Partners {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final SigningKey nsfEd = GeneratedKeys.ed25519();
    final SigningKey nsfEc = GeneratedKeys.ecdsaP256();
    final SigningKey nsfRsa = Rfc9421Keys.rsaPssPrivate();
    final SigningKey nsfHmac = SigningKey.hmac(Rfc9421Keys.sharedSecret());
    final SigningKey nsfOld = GeneratedKeys.ed25519();
    final SigningKey ukriEd = GeneratedKeys.ed25519();
    final SigningKey gateway = GeneratedKeys.ecdsaP256();
    final InMemoryNonceStore nonces = new InMemoryNonceStore(clock);
    final KeyRegistry registry = KeyRegistry.of(List.of(
            registered("nsf", "nsf-ed", nsfEd, Validity.between(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(300)))),
            registered("nsf", "nsf-ec", nsfEc, Validity.unbounded()),
            registered("nsf", "nsf-rsa", nsfRsa, Validity.unbounded()),
            registered("nsf", "nsf-hmac", nsfHmac, Validity.unbounded()),
            registered("nsf", "nsf-old", nsfOld, Validity.between(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)))),
            registered("ukri", "ukri-ed", ukriEd, Validity.unbounded()),
            registered("jst", "jc-gateway", gateway, Validity.unbounded())));

    static RegisteredKey registered(String agency, String keyId, SigningKey key, Validity validity) {
        return RegisteredKey.builder(agency, keyId, key.verificationKey()).validity(validity).build();
    }

    MessageSigner signer(String keyId, SigningKey key) {
        return new MessageSigner(SigningIdentity.of(keyId, key), clock);
    }

    MessageVerifier requestVerifier() {
        return SignatureProfile.requestVerifier(registry, nonces, clock);
    }

    MessageVerifier receiptVerifier() {
        return SignatureProfile.receiptVerifier(registry, nonces, clock);
    }

    static RequestMessage proposalRequest() {
        return RequestMessage.of("POST", URI.create("https://gateway.example/api/v1/exchange/nsf/messages?batch=7"),
                HttpFields.of("Content-Type", "application/json", "Accept", "application/json"),
                "{\"proposal\": \"2412345\", \"decision\": \"AWARD\"}".getBytes(StandardCharsets.UTF_8));
    }
}
