package org.jointcall.signature.base;

import java.util.Optional;

/**
 * The derived components of RFC 9421 §2.2 that this implementation resolves. {@code @signature-params}
 * is not here: it is never a covered component, only the last line of every base.
 */
public enum DerivedComponent {
    METHOD("@method", true),
    TARGET_URI("@target-uri", true),
    AUTHORITY("@authority", true),
    SCHEME("@scheme", true),
    REQUEST_TARGET("@request-target", true),
    PATH("@path", true),
    QUERY("@query", true),
    QUERY_PARAM("@query-param", true),
    STATUS("@status", false);

    private final String identifier;
    private final boolean ofRequest;

    DerivedComponent(String identifier, boolean ofRequest) {
        this.identifier = identifier;
        this.ofRequest = ofRequest;
    }

    /** The component name as written in a signature, e.g. {@code @authority}. */
    public String identifier() {
        return identifier;
    }

    /** Whether the component is read from a request ({@code false}: from a response). */
    public boolean ofRequest() {
        return ofRequest;
    }

    /** The derived component named {@code identifier}, if this implementation knows it. */
    public static Optional<DerivedComponent> byIdentifier(String identifier) {
        for (DerivedComponent component : values()) {
            if (component.identifier.equals(identifier)) {
                return Optional.of(component);
            }
        }
        return Optional.empty();
    }
}
