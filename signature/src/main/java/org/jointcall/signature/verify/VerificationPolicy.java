package org.jointcall.signature.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jointcall.signature.algorithm.SignatureAlgorithm;
import org.jointcall.signature.base.ComponentIdentifier;
import org.jointcall.signature.structured.KnownFieldTypes;

/**
 * What a verifier demands of a signature beyond cryptographic validity (RFC 9421 §1.4 leaves all of
 * this to the application): required covered components, the {@code tag}, how far {@code created}
 * may be from the clock, whether {@code expires} and {@code nonce} must be present, and which
 * algorithms are acceptable at all. Immutable; the profile's request and receipt policies are built
 * from the same builder.
 */
public final class VerificationPolicy {

    /** A minute either way: enough for unsynchronised clocks, short enough to bound replay storage. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    private final List<ComponentIdentifier> requiredComponents;
    private final String tag;
    private final String label;
    private final Duration clockSkew;
    private final boolean nonceRequired;
    private final boolean expiresRequired;
    private final Set<SignatureAlgorithm> acceptedAlgorithms;
    private final KnownFieldTypes fieldTypes;

    private VerificationPolicy(Builder builder) {
        this.requiredComponents = List.copyOf(builder.requiredComponents);
        this.tag = builder.tag;
        this.label = builder.label;
        this.clockSkew = Objects.requireNonNull(builder.clockSkew, "clock skew");
        if (clockSkew.isNegative() || clockSkew.isZero()) {
            throw new IllegalArgumentException("clock skew " + clockSkew + " must be positive, e.g. PT60S");
        }
        this.nonceRequired = builder.nonceRequired;
        this.expiresRequired = builder.expiresRequired;
        if (builder.acceptedAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("a policy must accept at least one algorithm");
        }
        this.acceptedAlgorithms = Set.copyOf(builder.acceptedAlgorithms);
        this.fieldTypes = Objects.requireNonNull(builder.fieldTypes, "field types");
    }

    /**
     * A builder starting from: no required components, any tag, 60 s skew, nonce and expires not
     * required, every algorithm but {@code hmac-sha256}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this policy's settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.requiredComponents.addAll(requiredComponents);
        builder.tag = tag;
        builder.label = label;
        builder.clockSkew = clockSkew;
        builder.nonceRequired = nonceRequired;
        builder.expiresRequired = expiresRequired;
        builder.acceptedAlgorithms = EnumSet.copyOf(acceptedAlgorithms);
        builder.fieldTypes = fieldTypes;
        return builder;
    }

    /** Components every accepted signature must cover (it may cover more). */
    public List<ComponentIdentifier> requiredComponents() {
        return requiredComponents;
    }

    /** The {@code tag} a signature must carry; empty when any (or none) will do. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** The label of the signature to verify; empty to pick the first signature with the right tag. */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public boolean nonceRequired() {
        return nonceRequired;
    }

    public boolean expiresRequired() {
        return expiresRequired;
    }

    public Set<SignatureAlgorithm> acceptedAlgorithms() {
        return acceptedAlgorithms;
    }

    /** The structured field table used for {@code ;sf} components. */
    public KnownFieldTypes fieldTypes() {
        return fieldTypes;
    }

    @Override
    public String toString() {
        return "policy(require " + requiredComponents + ", tag=" + tag + ", skew=" + clockSkew + ", nonce=" + nonceRequired
                + ", expires=" + expiresRequired + ", algorithms=" + acceptedAlgorithms + ")";
    }

    /** Settings of a policy under construction. */
    public static final class Builder {

        private final List<ComponentIdentifier> requiredComponents = new ArrayList<>();
        private String tag;
        private String label;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private boolean nonceRequired;
        private boolean expiresRequired;
        private Set<SignatureAlgorithm> acceptedAlgorithms = EnumSet.complementOf(EnumSet.of(SignatureAlgorithm.HMAC_SHA256));
        private KnownFieldTypes fieldTypes = KnownFieldTypes.defaults();

        private Builder() {
        }

        /** Replaces the required components. */
        public Builder requireComponents(List<ComponentIdentifier> components) {
            requiredComponents.clear();
            requiredComponents.addAll(components);
            return this;
        }

        public Builder tag(String requiredTag) {
            this.tag = requiredTag;
            return this;
        }

        public Builder label(String requiredLabel) {
            this.label = requiredLabel;
            return this;
        }

        public Builder clockSkew(Duration skew) {
            this.clockSkew = skew;
            return this;
        }

        public Builder requireNonce(boolean required) {
            this.nonceRequired = required;
            return this;
        }

        public Builder requireExpires(boolean required) {
            this.expiresRequired = required;
            return this;
        }

        public Builder acceptAlgorithms(Set<SignatureAlgorithm> algorithms) {
            this.acceptedAlgorithms = algorithms.isEmpty() ? EnumSet.noneOf(SignatureAlgorithm.class) : EnumSet.copyOf(algorithms);
            return this;
        }

        public Builder fieldTypes(KnownFieldTypes types) {
            this.fieldTypes = types;
            return this;
        }

        public VerificationPolicy build() {
            return new VerificationPolicy(this);
        }
    }
}
