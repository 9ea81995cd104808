package org.jointcall.gateway.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.MDC;

/**
 * The ids of the message being handled on this thread, in the SLF4J MDC for as long as the scope is
 * open: every log line written meanwhile carries them. Closing restores what was there before, so
 * scopes nest (a delivery inside a poll) and a pooled thread never keeps another message's ids.
 *
 * <pre>{@code try (Correlation ignored = Correlation.of(Correlation.OUTBOX_ID, id).and(Correlation.AGENCY, code)) { … }}</pre>
 */
public final class Correlation implements AutoCloseable {

    /** The message id the partner or the gateway gave the message: the partner's idempotency key. */
    public static final String MESSAGE_ID = "messageId";
    public static final String LEDGER_ID = "ledgerId";
    public static final String OUTBOX_ID = "outboxId";
    public static final String AGENCY = "agency";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private Correlation() {
    }

    public static Correlation of(String key, Object value) {
        return new Correlation().and(key, value);
    }

    /** Adds one id to this scope; a null value leaves the key as it was. */
    public Correlation and(String key, Object value) {
        if (value != null) {
            if (!previous.containsKey(key)) {
                previous.put(key, MDC.get(key));
            }
            MDC.put(key, value.toString());
        }
        return this;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
