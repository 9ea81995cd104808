package org.jointcall.gateway.console.query;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.gateway.ledger.HeaderLines;
import org.jointcall.signature.digest.ContentDigest;

/**
 * An outbound message in its agency's own format, as the agency's adapter writes it now from the stored canonical
 * form — or why it cannot. The gateway does not keep the bodies it pushed a second time (V16): the adapters use no
 * clock and no randomness, and {@link #isBodySent} proves with the signed {@code Content-Digest} whether this is the
 * body that went over the wire.
 *
 * @param body null when the adapter cannot write the message; {@code failure} says why
 */
record NativeForm(String mediaType, byte[] body, String failure) {

    static NativeForm written(AdapterRegistry adapters, String agency, byte[] canonicalXml) {
        try {
            OutboundTranslation translation = adapters.require(agency).fromStoredCanonicalXml(canonicalXml);
            return new NativeForm(translation.mediaType(), translation.body(), null);
        } catch (RuntimeException e) {
            // Shown, not thrown: the console still shows the canonical form and why there is no native one.
            return new NativeForm("text/plain", null, "the " + agency + " adapter cannot write this message: " + e.getMessage());
        }
    }

    /** Whether this body's digest is the {@code Content-Digest} among the header lines of the request the gateway sent. */
    boolean isBodySent(String requestHeadersJson) {
        return body != null && requestHeadersJson != null
                && ContentDigest.parse(HeaderLines.fromJson(requestHeadersJson).values(ContentDigest.FIELD)).check(body).matches();
    }
}
