package org.jointcall.signature.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.base.ComponentException;
import org.jointcall.signature.base.ComponentIdentifier;
import org.jointcall.signature.base.MessageSignature;
import org.jointcall.signature.base.MessageSignatures;
import org.jointcall.signature.base.SignatureBase;
import org.jointcall.signature.base.SignatureParameters;
import org.jointcall.signature.digest.ContentDigest;
import org.jointcall.signature.digest.DigestCheck;
import org.jointcall.signature.keys.KeyRegistry;
import org.jointcall.signature.keys.RegisteredKey;
import org.jointcall.signature.message.HttpMessage;
import org.jointcall.signature.structured.MalformedFieldException;

/**
 * Verifies a message's signature under a {@link VerificationPolicy} and says precisely why when it
 * does not.
 *
 * <p>The checks run from cheap and structural to expensive and stateful: find the signature (by
 * label or tag), demand the required parameters and components, resolve the key and check that it
 * belongs to the expected agency, fits the algorithm and is valid, check the time window, build the
 * base and verify the cryptography, compare the body with its digest, and only then spend the nonce.
 * Spending the nonce last means a forged or broken message can never burn a legitimate sender's nonce.
 */
public final class MessageVerifier {

    private static final String CONTENT_DIGEST = "content-digest";

    private final VerificationPolicy policy;
    private final KeyRegistry keys;
    private final NonceStore nonces;
    private final Clock clock;

    public MessageVerifier(VerificationPolicy policy, KeyRegistry keys, NonceStore nonces, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keys = Objects.requireNonNull(keys, "key registry");
        this.nonces = Objects.requireNonNull(nonces, "nonce store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public VerificationPolicy policy() {
        return policy;
    }

    /**
     * Verifies {@code message} as signed by {@code expectedAgency}.
     *
     * @return the verdict to store as evidence
     * @throws SignatureRejectedException with the problem kind and a detail naming what was wrong
     */
    public Verdict verify(HttpMessage message, String expectedAgency) throws SignatureRejectedException {
        Objects.requireNonNull(expectedAgency, "expected agency");
        MessageSignature signature = select(message);
        SignatureParameters parameters = signature.parameters();
        String label = signature.label();
        String keyId = parameters.keyId().orElseThrow(() -> reject(ProblemKind.COMPONENT_MISSING,
                "signature " + label + " has no keyid parameter; the gateway resolves keys by keyid", null));
        Instant created = parameters.created().orElseThrow(() -> reject(ProblemKind.COMPONENT_MISSING,
                "signature " + label + " has no created parameter", keyId));
        requireParameters(label, parameters, keyId);
        requireComponents(label, parameters, keyId);

        RegisteredKey key = resolveKey(keyId, expectedAgency);
        SignatureAlgorithm algorithm = checkAlgorithm(label, parameters, key);
        Instant now = clock.instant();
        checkKeyValidity(key, created, now);
        Instant deadline = checkTime(label, parameters, created, now, keyId);

        SignatureBase base = baseOf(message, parameters, keyId);
        if (!key.key().verify(base.bytes(), signature.value())) {
            throw reject(ProblemKind.SIGNATURE_INVALID, "signature " + label + " does not verify with key " + keyId + " (" + algorithm
                    + ") over the components " + componentNames(parameters) + "; one of them or the signature was altered, or another key signed", keyId);
        }
        if (covers(parameters, CONTENT_DIGEST)) {
            checkDigest(message, keyId);
        }
        if (policy.nonceRequired() && !nonces.firstUse(keyId, parameters.nonce().orElseThrow(), deadline)) {
            throw reject(ProblemKind.REPLAY, "nonce " + parameters.nonce().get() + " of key " + keyId
                    + " was already used; every signed request needs a fresh nonce", keyId);
        }
        return new Verdict(key.agency(), keyId, algorithm, signature);
    }

    private MessageSignature select(HttpMessage message) throws SignatureRejectedException {
        boolean hasInput = message.fields().contains(MessageSignatures.SIGNATURE_INPUT);
        boolean hasSignature = message.fields().contains(MessageSignatures.SIGNATURE);
        if (!hasInput || !hasSignature) {
            String missing = !hasInput && !hasSignature ? "Signature-Input and Signature fields"
                    : (hasInput ? "Signature field" : "Signature-Input field");
            throw reject(ProblemKind.SIGNATURE_MISSING, "the message has no " + missing
                    + "; sign it per RFC 9421" + policy.tag().map(t -> " with tag=\"" + t + "\"").orElse(""), null);
        }
        List<MessageSignature> signatures;
        try {
            signatures = MessageSignatures.read(message);
        } catch (MalformedFieldException e) {
            throw reject(ProblemKind.MALFORMED, e.getMessage(), null, e);
        }
        if (policy.label().isPresent()) {
            String wanted = policy.label().get();
            MessageSignature labelled = signatures.stream().filter(s -> s.label().equals(wanted)).findFirst().orElseThrow(() ->
                    reject(ProblemKind.SIGNATURE_MISSING, "no signature labelled " + wanted + " (labels: " + labels(signatures) + ")", null));
            if (policy.tag().isPresent() && !policy.tag().equals(labelled.parameters().tag())) {
                throw reject(ProblemKind.TAG_INVALID, "signature " + wanted + " has " + tagOf(labelled) + ", expected tag=\""
                        + policy.tag().get() + "\"", labelled.parameters().keyId().orElse(null));
            }
            return labelled;
        }
        if (policy.tag().isEmpty()) {
            return signatures.get(0);
        }
        String wanted = policy.tag().get();
        for (MessageSignature candidate : signatures) {
            if (candidate.parameters().tag().filter(wanted::equals).isPresent()) {
                return candidate;
            }
        }
        List<String> found = new ArrayList<>();
        for (MessageSignature candidate : signatures) {
            found.add(candidate.label() + " has " + tagOf(candidate));
        }
        throw reject(ProblemKind.TAG_INVALID, "no signature has tag=\"" + wanted + "\" (" + String.join(", ", found) + ")",
                signatures.get(0).parameters().keyId().orElse(null));
    }

    private void requireParameters(String label, SignatureParameters parameters, String keyId) throws SignatureRejectedException {
        if (policy.expiresRequired() && parameters.expires().isEmpty()) {
            throw reject(ProblemKind.COMPONENT_MISSING, "signature " + label + " has no expires parameter; the profile requires one", keyId);
        }
        if (policy.nonceRequired() && parameters.nonce().isEmpty()) {
            throw reject(ProblemKind.COMPONENT_MISSING, "signature " + label + " has no nonce parameter; the profile requires a fresh one per request", keyId);
        }
    }

    private void requireComponents(String label, SignatureParameters parameters, String keyId) throws SignatureRejectedException {
        List<String> missing = new ArrayList<>();
        for (ComponentIdentifier required : policy.requiredComponents()) {
            if (!parameters.components().contains(required)) {
                missing.add(required.serialize());
            }
        }
        if (!missing.isEmpty()) {
            throw reject(ProblemKind.COMPONENT_MISSING, "signature " + label + " covers " + componentNames(parameters) + " but not "
                    + String.join(" ", missing) + "; the profile requires " + names(policy.requiredComponents()), keyId);
        }
    }

    private RegisteredKey resolveKey(String keyId, String expectedAgency) throws SignatureRejectedException {
        Optional<RegisteredKey> found = keys.find(keyId);
        if (found.isEmpty()) {
            throw reject(ProblemKind.KEY_UNKNOWN, "keyid " + keyId + " is not registered for any agency; " + expectedAgency
                    + " must register the key with the gateway before using it", keyId);
        }
        RegisteredKey key = found.get();
        if (!key.agency().equals(expectedAgency)) {
            throw reject(ProblemKind.KEY_OTHER_AGENCY, "keyid " + keyId + " is registered for " + key.agency() + ", but this message must be signed by "
                    + expectedAgency, keyId);
        }
        return key;
    }

    private SignatureAlgorithm checkAlgorithm(String label, SignatureParameters parameters, RegisteredKey key) throws SignatureRejectedException {
        SignatureAlgorithm registered = key.key().algorithm();
        if (parameters.algorithm().isPresent() && !parameters.algorithm().get().equals(registered.identifier())) {
            throw reject(ProblemKind.ALGORITHM_MISMATCH, "signature " + label + " claims alg=\"" + parameters.algorithm().get() + "\" but key "
                    + key.keyId() + " is registered for " + registered, key.keyId());
        }
        if (!policy.acceptedAlgorithms().contains(registered)) {
            throw reject(ProblemKind.ALGORITHM_MISMATCH, "key " + key.keyId() + " uses " + registered + ", which this endpoint does not accept (accepted: "
                    + policy.acceptedAlgorithms() + ")", key.keyId());
        }
        return registered;
    }

    private void checkKeyValidity(RegisteredKey key, Instant created, Instant now) throws SignatureRejectedException {
        for (Instant instant : List.of(created, now)) {
            if (!key.validAt(instant)) {
                boolean early = key.validity().startsAfter(instant);
                throw reject(ProblemKind.KEY_EXPIRED, "key " + key.keyId() + " of " + key.agency() + " is valid " + key.validity()
                        + " and so " + (early ? "not yet valid" : "no longer valid") + " at " + instant
                        + (instant.equals(now) ? " (now)" : " (signature created)"), key.keyId());
            }
        }
    }

    private Instant checkTime(String label, SignatureParameters parameters, Instant created, Instant now, String keyId)
            throws SignatureRejectedException {
        Duration skew = policy.clockSkew();
        Duration offset = Duration.between(now, created);
        if (offset.abs().compareTo(skew) > 0) {
            throw reject(ProblemKind.CLOCK_SKEW, "signature " + label + " was created " + created + ", " + offset.abs().getSeconds()
                    + " s " + (offset.isNegative() ? "before" : "after") + " the gateway's clock (" + now + "); at most "
                    + skew.getSeconds() + " s either way is accepted", keyId);
        }
        Instant deadline = created.plus(skew);
        Optional<Instant> expires = parameters.expires();
        if (expires.isPresent()) {
            if (!expires.get().isAfter(created)) {
                throw reject(ProblemKind.MALFORMED, "signature " + label + " expires (" + expires.get() + ") no later than it was created ("
                        + created + ")", keyId);
            }
            if (now.isAfter(expires.get())) {
                throw reject(ProblemKind.EXPIRED, "signature " + label + " expired at " + expires.get() + "; it is now " + now, keyId);
            }
            if (expires.get().isBefore(deadline)) {
                deadline = expires.get();
            }
        }
        return deadline;
    }

    private SignatureBase baseOf(HttpMessage message, SignatureParameters parameters, String keyId) throws SignatureRejectedException {
        try {
            return SignatureBase.of(message, parameters, policy.fieldTypes());
        } catch (ComponentException e) {
            if (e.reason() == ComponentException.Reason.ABSENT) {
                boolean digest = e.component().equals("\"" + CONTENT_DIGEST + "\"");
                throw reject(digest ? ProblemKind.DIGEST_MISSING : ProblemKind.COMPONENT_MISSING, e.getMessage(), keyId, e);
            }
            throw reject(ProblemKind.MALFORMED, e.getMessage(), keyId, e);
        }
    }

    private void checkDigest(HttpMessage message, String keyId) throws SignatureRejectedException {
        DigestCheck check;
        try {
            check = ContentDigest.parse(message.fields().values(ContentDigest.FIELD)).check(message.body());
        } catch (MalformedFieldException e) {
            throw reject(ProblemKind.MALFORMED, e.getMessage(), keyId, e);
        }
        if (check.outcome() == DigestCheck.Outcome.MISMATCH) {
            throw reject(ProblemKind.DIGEST_MISMATCH, check.detail(), keyId);
        }
        if (check.outcome() == DigestCheck.Outcome.NO_USABLE_DIGEST) {
            throw reject(ProblemKind.DIGEST_MISSING, check.detail(), keyId);
        }
    }

    private static boolean covers(SignatureParameters parameters, String fieldName) {
        for (ComponentIdentifier component : parameters.components()) {
            if (component.name().equals(fieldName) && !component.isFromRequest()) {
                return true;
            }
        }
        return false;
    }

    private static String componentNames(SignatureParameters parameters) {
        return names(parameters.components());
    }

    private static String names(List<ComponentIdentifier> components) {
        List<String> names = new ArrayList<>(components.size());
        for (ComponentIdentifier component : components) {
            names.add(component.serialize());
        }
        return "(" + String.join(" ", names) + ")";
    }

    private static String labels(List<MessageSignature> signatures) {
        List<String> labels = new ArrayList<>(signatures.size());
        for (MessageSignature signature : signatures) {
            labels.add(signature.label());
        }
        return String.join(", ", labels);
    }

    private static String tagOf(MessageSignature signature) {
        return signature.parameters().tag().map(t -> "tag=\"" + t + "\"").orElse("no tag");
    }

    private static SignatureRejectedException reject(ProblemKind kind, String detail, String keyId) {
        return new SignatureRejectedException(kind, detail, keyId);
    }

    private static SignatureRejectedException reject(ProblemKind kind, String detail, String keyId, Throwable cause) {
        return new SignatureRejectedException(kind, detail, keyId, cause);
    }
}
