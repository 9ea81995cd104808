package org.jointcall.gateway.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.v1.CanonicalMessage;

/**
 * Realistic canonical messages to start from: for each of JST, NSF, UKRI, DFG and NWO a proposal part,
 * a review result and a funding decision ({@code samples/<agency>-<kind>.xml} beside this class, the
 * canonical forms of the adapters' own samples). The demo scenario re-addresses copies of them to its
 * proposals; the tests do the same for theirs.
 */
public final class SampleMessages {

    private static final CanonicalCodec CODEC = new CanonicalCodec();

    private SampleMessages() {
    }

    /** A fresh copy of {@code agency}'s sample of {@code kind} ({@code proposal}, {@code review} or {@code decision}). */
    public static CanonicalMessage of(String agency, String kind) {
        String resource = "samples/" + agency.toLowerCase(Locale.ROOT) + "-" + kind + ".xml";
        try (InputStream in = SampleMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample message " + resource + " (kinds: proposal, review, decision;"
                        + " agencies: JST, NSF, UKRI, DFG, NWO)");
            }
            return CODEC.fromXml(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample message " + resource, e);
        }
    }
}
