package org.jointcall.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jointcall.gateway.demo.PartnerSimulator;

/**
 * What the simulated partners accepted, by the gateway's message id (found in the body, whatever the
 * partner's format): when each message first arrived and how often it was accepted. Exactly-once delivery
 * per message id is counted here, at the partners, not from the gateway's own bookkeeping.
 */
public final class PartnerArrivals implements PartnerSimulator.Arrivals {

    /** The gateway's envelope message id ({@code MessageCause.messageId}): gw-<ledger id>-<kind>-<recipient>. */
    private static final Pattern GATEWAY_MESSAGE_ID = Pattern.compile("gw-\\d+-joint-(?:proposal-record|outcome-notice)-[a-z]+");

    private final Map<String, Arrival> accepted = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unrecognised = new AtomicLong();

    @Override
    public void answered(String agency, int status, byte[] body) {
        long now = System.currentTimeMillis();
        if (status / 100 != 2) {
            refused.incrementAndGet();
            return;
        }
        Matcher id = GATEWAY_MESSAGE_ID.matcher(new String(body, StandardCharsets.UTF_8));
        if (!id.find()) {
            unrecognised.incrementAndGet();
            return;
        }
        accepted.merge(id.group(), new Arrival(now, 1), (first, again) -> new Arrival(first.firstAt(), first.times() + 1));
    }

    /** The first acceptance of {@code messageId}, if any. */
    public Arrival arrival(String messageId) {
        return accepted.get(messageId);
    }

    /** Message ids accepted more than once. */
    public long duplicates() {
        return accepted.values().stream().filter(arrival -> arrival.times() > 1).count();
    }

    public long duplicatesAmong(Collection<String> messageIds) {
        return messageIds.stream().map(accepted::get).filter(arrival -> arrival != null && arrival.times() > 1).count();
    }

    /** Deliveries the partners answered with an error (while made to fail). */
    public long refused() {
        return refused.get();
    }

    /** Accepted requests in which no gateway message id was found: must stay 0, or the counts above miss messages. */
    public long unrecognised() {
        return unrecognised.get();
    }

    /** @param firstAt epoch milliseconds of the first acceptance; @param times acceptances in all */
    public record Arrival(long firstAt, int times) {
    }
}
