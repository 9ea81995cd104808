package org.jointcall.gateway.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MessageMetrics} in Payara's MicroProfile Metrics registry (application scope). Names are
 * dotted here and become {@code jointcall_…} in the Prometheus text at {@code /metrics}; counters
 * get {@code _total}, the latency timer {@code _seconds} with the buckets set in
 * {@code META-INF/microprofile-config.properties}. Tags (agency, kind, problem type) come from
 * configured agencies and the canonical contract's enumerations, so their number stays small.
 */
@ApplicationScoped
public class MicroProfileMessageMetrics implements MessageMetrics {

    static final String RECEIVED = "jointcall.messages.received";
    static final String REFUSED = "jointcall.messages.refused";
    static final String SENT = "jointcall.messages.sent";
    static final String DELIVERY_LATENCY = "jointcall.delivery.latency";
    static final String RETRIES = "jointcall.delivery.retries";
    static final String DEAD_LETTERS = "jointcall.delivery.dead.letters";

    private static final Metadata RECEIVED_METADATA = Metadata.builder().withName(RECEIVED)
            .withDescription("Signed partner messages taken into the ledger, by sending agency and message kind").build();
    private static final Metadata REFUSED_METADATA = Metadata.builder().withName(REFUSED)
            .withDescription("Inbound requests refused, by RFC 9457 problem type (signature, digest, size, schema ...)").build();
    private static final Metadata SENT_METADATA = Metadata.builder().withName(SENT)
            .withDescription("Messages handed to agencies: pushed with a verified receipt, or put into a pull inbox").build();
    private static final Metadata LATENCY_METADATA = Metadata.builder().withName(DELIVERY_LATENCY).withUnit(MetricUnits.SECONDS)
            .withDescription("Time from the start of a push to a verified partner receipt, by recipient agency").build();
    private static final Metadata RETRIES_METADATA = Metadata.builder().withName(RETRIES)
            .withDescription("Failed pushes that will be tried again after a backoff, by recipient agency").build();
    private static final Metadata DEAD_METADATA = Metadata.builder().withName(DEAD_LETTERS)
            .withDescription("Messages that failed their last attempt and wait for an operator, by recipient agency").build();

    private static final Logger LOG = LoggerFactory.getLogger(MicroProfileMessageMetrics.class);

    private MetricRegistry registry;
    private final Map<List<Object>, Object> metrics = new ConcurrentHashMap<>();

    /** For the CDI proxy only. */
    protected MicroProfileMessageMetrics() {
    }

    @Inject
    public MicroProfileMessageMetrics(@RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void received(String agency, String kind) {
        record(() -> counter(RECEIVED_METADATA, agency(agency), new Tag("kind", kind)).inc());
    }

    @Override
    public void refused(String problemType) {
        record(() -> counter(REFUSED_METADATA, new Tag("problem", problemType)).inc());
    }

    @Override
    public void delivered(String agency, String kind, Duration latency) {
        record(() -> {
            counter(SENT_METADATA, agency(agency), new Tag("kind", kind), new Tag("channel", "push")).inc();
            metric(LATENCY_METADATA, () -> registry.timer(LATENCY_METADATA, agency(agency)), Timer.class, agency(agency)).update(latency);
        });
    }

    @Override
    public void offeredForPull(String agency, String kind) {
        record(() -> counter(SENT_METADATA, agency(agency), new Tag("kind", kind), new Tag("channel", "pull")).inc());
    }

    @Override
    public void retryScheduled(String agency) {
        record(() -> counter(RETRIES_METADATA, agency(agency)).inc());
    }

    @Override
    public void deadLettered(String agency) {
        record(() -> counter(DEAD_METADATA, agency(agency)).inc());
    }

    private Counter counter(Metadata metadata, Tag... tags) {
        return metric(metadata, () -> registry.counter(metadata, tags), Counter.class, tags);
    }

    /**
     * The metric of this name and tags, created on first use. Payara's registry is not safe for two threads
     * creating metrics at once (a timer's creation throws ConcurrentModificationException when another is
     * created beside it), so creation is serialised here; use of a created metric is not.
     */
    private <T> T metric(Metadata metadata, Supplier<T> create, Class<T> type, Tag... tags) {
        List<Object> key = List.of(metadata.getName(), List.of(tags));
        Object metric = metrics.get(key);
        if (metric == null) {
            synchronized (this) {
                metric = metrics.computeIfAbsent(key, absent -> create.get());
            }
        }
        return type.cast(metric);
    }

    /** Counting is never a reason for a message to fail: a metrics fault is logged and the flow goes on. */
    private static void record(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            LOG.warn("Metric not recorded: {}", e.toString());
        }
    }

    private static Tag agency(String agency) {
        return new Tag("agency", agency);
    }
}
