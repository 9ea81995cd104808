package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.gateway.agency.AgencyAdapters;
import org.jointcall.gateway.decision.LedgerFixture;
import org.jointcall.gateway.demo.PartnerSimulator;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;

/**
 * A gateway process for the four-agency test call with NSF, UKRI, DFG and NWO simulated as push
 * partners (and JST pulling its inbox, in the two-agency call {@code ASPIRE-2026-PULL}): the
 * configuration directory (agencies, keys, {@code calls/}), short
 * poll and backoff intervals, and the partners' side of the conversation — sending their native
 * messages, signed, and reading what they received.
 */
public final class JointCallGateway implements AutoCloseable {

    public static final List<String> AGENCIES = List.of("DFG", "NSF", "NWO", "UKRI");
    /** The console administrator's password (user {@code admin}), set through {@code gateway.console.admin-password}. */
    public static final String ADMIN_PASSWORD = "it-console-sesame-2026";
    /** Short intervals so delivery tests take seconds: see DeliverySettings and the decision/delivery routes. */
    public static final Map<String, String> FAST = Map.of(
            "gateway.decision.poll-period", "100",
            "gateway.decision.initial-delay", "0",
            "gateway.delivery.poll-period", "100",
            "gateway.delivery.initial-delay", "0",
            "gateway.delivery.concurrency", "4",
            "gateway.delivery.backoff-first-ms", "100",
            "gateway.delivery.backoff-max-ms", "800",
            "gateway.delivery.circuit.failure-threshold", "3",
            "gateway.delivery.circuit.open-ms", "500",
            "gateway.console.admin-password", JointCallGateway.ADMIN_PASSWORD);

    public final TestAgencies agencies;
    public final PartnerSimulators partners;
    public final TestDatabase.Database database;
    public final AdapterRegistry adapters = new AgencyAdapters().registry();
    private final GatewayProcess.Builder builder;
    private GatewayProcess gateway;
    private final AtomicInteger sent = new AtomicInteger();

    private JointCallGateway(String name, Path root, Map<String, String> settings, PartnerSimulator.Arrivals arrivals) {
        agencies = TestAgencies.writeTo(root);
        partners = arrivals == null ? PartnerSimulators.start(agencies, AGENCIES) : PartnerSimulators.recording(agencies, AGENCIES, arrivals);
        partners.configurePush(agencies.configDirectory());
        copyCall(agencies.configDirectory().resolve("calls"));
        database = TestDatabase.fresh(name);
        builder = GatewayProcess.named(name).database(database).configDirectory(agencies.configDirectory())
                .signingKeystore(agencies.gatewayKeystore(), agencies.gatewayKeystorePassword(), TestAgencies.GATEWAY_KEY_ID);
        settings.forEach(builder::property);
    }

    /** Partners simulated and configured, database created, gateway started. */
    public static JointCallGateway start(String name, Path root) {
        return start(name, root, Map.of());
    }

    /** Like {@link #start(String, Path)}, with {@code properties} set on this and every other instance. */
    public static JointCallGateway start(String name, Path root, Map<String, String> properties) {
        Map<String, String> settings = new java.util.HashMap<>(FAST);
        settings.putAll(properties);
        return started(new JointCallGateway(name, root, settings, null));
    }

    /**
     * For benchmarks: the gateway on the operator's JVM with exactly {@code settings} (not {@link #FAST}; none: the
     * defaults an operator gets), and partners that tell {@code arrivals} of each delivery (or, with null, keep a
     * journal as in the tests).
     */
    public static JointCallGateway measured(String name, Path root, Map<String, String> settings, PartnerSimulator.Arrivals arrivals) {
        JointCallGateway setup = new JointCallGateway(name, root, settings, arrivals);
        setup.builder.asOperatorRuns();
        return started(setup);
    }

    private static JointCallGateway started(JointCallGateway setup) {
        setup.gateway = setup.builder.start();
        return setup;
    }

    public GatewayProcess gateway() {
        return gateway;
    }

    /** A second gateway instance on the same database and configuration. */
    public GatewayProcess startAnotherInstance() {
        return builder.start();
    }

    /** The running gateway was killed or stopped; this is the one started in its place. */
    public void replacedBy(GatewayProcess restarted) {
        gateway = restarted;
    }

    /**
     * {@code agency} sends its sample {@code kind} for {@code reference}, in its own format, signed with its key,
     * and the gateway answers 202; returns the message id.
     */
    public String send(String agency, String kind, String reference, long sequence, Consumer<CanonicalMessage> change) {
        return send(gateway, agency, kind, reference, sequence, change);
    }

    public String send(GatewayProcess to, String agency, String kind, String reference, long sequence, Consumer<CanonicalMessage> change) {
        CanonicalMessage message = LedgerFixture.sample(agency, kind, reference, sequence, change);
        PartnerClient.Answer answer = post(to, message);
        assertThat(answer.status()).as("gateway answer to %s %s: %s", agency, kind, answer.body()).isEqualTo(202);
        return message.getMessageId();
    }

    /**
     * Like {@link #send}, for load while the gateway may die: the message id if the gateway answered 202,
     * empty if it answered nothing (connection refused or reset).
     */
    public Optional<String> trySend(String agency, String kind, String reference, long sequence, Consumer<CanonicalMessage> change) {
        CanonicalMessage message = LedgerFixture.sample(agency, kind, reference, sequence, change);
        try {
            PartnerClient.Answer answer = post(gateway, message);
            assertThat(answer.status()).as("gateway answer to %s %s: %s", agency, kind, answer.body()).isEqualTo(202);
            return Optional.of(message.getMessageId());
        } catch (UncheckedIOException gatewayGone) {
            return Optional.empty();
        }
    }

    private PartnerClient.Answer post(GatewayProcess to, CanonicalMessage message) {
        message.setMessageId(message.getSender().toLowerCase() + "-it-" + sent.incrementAndGet() + "-" + System.nanoTime());
        OutboundTranslation nativeMessage = adapters.require(message.getSender()).fromCanonical(message);
        PartnerClient client = new PartnerClient(to);
        return client.send(client.signed(message.getSender(), agencies.key(message.getSender()), nativeMessage.mediaType(),
                nativeMessage.body()).message());
    }

    /** {@code agency} signs a request without body ({@code GET} of its inbox, {@code POST} of an acknowledgement) and sends it. */
    public PartnerClient.Answer signedWithoutBody(String method, String agency, String path) {
        return new PartnerClient(gateway).send(signWithoutBody(method, agency, path));
    }

    /** The request {@link #signedWithoutBody} sends, for tests that send it more than once. */
    public RequestMessage signWithoutBody(String method, String agency, String path) {
        RequestMessage request = RequestMessage.of(method, gateway.uri(path), HttpFields.of("Content-Type", "application/json"), new byte[0]);
        return PartnerClient.signer(agencies.key(agency), Clock.systemUTC()).signRequest(request).message();
    }

    /** What {@code agency}'s system accepted for {@code reference}, in its format, of one kind. */
    public List<CanonicalMessage> accepted(String agency, MessageKind kind, String reference) {
        return partners.partner(agency).accepted(kind, reference);
    }

    /** The first column of {@code sql} on the gateway's database, as text; a failing query fails the test. */
    public List<String> column(String sql) {
        try {
            return database.column(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    /** Outbox messages about the joint proposal {@code reference} that meet {@code condition} (on {@code o}, the outbox row). */
    public long outboxCount(String reference, String condition) {
        return Long.parseLong(column("SELECT count(*) FROM outbox_message o JOIN joint_proposal p USING (joint_id)"
                + " WHERE p.joint_reference = '" + reference + "' AND " + condition).get(0));
    }

    /** Waits until {@code condition} holds, or fails naming {@code what}. */
    public static void await(String what, Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        partners.close();
    }

    private static void copyCall(Path calls) {
        for (String call : List.of("aspire-2026-quad.xml", "aspire-2026-pull.xml")) {
            try (InputStream definition = JointCallGateway.class.getResourceAsStream("/delivery/calls/" + call)) {
                Files.createDirectories(calls);
                Files.copy(definition, calls.resolve(call));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the test call " + call + " into " + calls, e);
            }
        }
    }
}
