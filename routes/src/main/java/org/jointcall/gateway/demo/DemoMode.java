package org.jointcall.gateway.demo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.gateway.agency.ConfigDirectory;
import org.jointcall.gateway.bootstrap.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo mode ({@code gateway.demo=true}): before anything reads the gateway's configuration it
 * registers the demo agencies and their keys, starts a simulated system for each partner (NSF, UKRI,
 * DFG, NWO) on a free port and configures push delivery to it, and writes the demo calls; then it
 * prints what it set up and plays {@link DemoScenario} in the background once the gateway answers.
 * Without the setting none of this runs and no simulator is started.
 */
@ApplicationScoped
public class DemoMode {

    /** Before the bootstrap (APPLICATION + 500) and the loading of calls (APPLICATION + 600). */
    static final int BEFORE_THE_GATEWAY = Interceptor.Priority.APPLICATION + 100;
    static final String BANNER_TITLE = "jointcall-gateway DEMO MODE";
    private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);
    private static final Pattern PORT_ARGUMENT = Pattern.compile("--port\\s+(\\d+)");

    @Inject
    DemoSettings settings;

    @Inject
    ConfigDirectory config;

    @Inject
    AdapterRegistry adapters;

    @Inject
    @ConfigProperty(name = "gateway.demo.gateway-url")
    Optional<String> gatewayUrl;

    @Inject
    StartupFailure failure;

    private final Map<String, PartnerSimulator> partners = new LinkedHashMap<>();
    private Thread player;

    void prepare(@Observes @Priority(BEFORE_THE_GATEWAY) @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (!settings.enabled()) {
            return;
        }
        try {
            startPartnersAndScenario();
        } catch (RuntimeException e) {
            throw failure.of("demo mode", e);
        }
    }

    private void startPartnersAndScenario() {
        DemoProgress progress = new DemoProgress(settings.directory());
        DemoAgencies agencies = DemoAgencies.prepare(settings.keys(), config.root());
        URI gateway = gatewayUri();
        PublishedGatewayKey gatewayKey = new PublishedGatewayKey(gateway);
        for (String code : DemoAgencies.PARTNERS) {
            PartnerSimulator partner = PartnerSimulator.start(code, agencies.key(code), gatewayKey, adapters);
            partner.configurePush(config.root());
            partners.put(code, partner);
        }
        Instant closingDecision = DemoCalls.writeOnce(config.calls(), progress.firstStart());
        Optional<Instant> played = progress.playedAt();
        printBanner(gateway, played);
        if (played.isEmpty()) {
            player = new Thread(new DemoScenario(gateway, agencies, partners, adapters, progress, closingDecision), "demo-scenario");
            player.setDaemon(true);
            player.start();
        }
    }

    /** The simulated system of {@code code}, while the demo runs. */
    public Optional<PartnerSimulator> partner(String code) {
        return Optional.ofNullable(partners.get(code));
    }

    @PreDestroy
    void stop() {
        if (player != null) {
            player.interrupt();
        }
        partners.values().forEach(PartnerSimulator::close);
        partners.clear();
    }

    /**
     * Where the gateway's own partner API listens: {@code gateway.demo.gateway-url}, else localhost on the
     * {@code --port} Payara Micro was started with (8080 when none was given).
     */
    private URI gatewayUri() {
        if (gatewayUrl.isPresent()) {
            return URI.create(gatewayUrl.get());
        }
        Matcher port = PORT_ARGUMENT.matcher(System.getProperty("sun.java.command", ""));
        return URI.create("http://localhost:" + (port.find() ? port.group(1) : "8080"));
    }

    private void printBanner(URI gateway, Optional<Instant> played) {
        StringBuilder banner = new StringBuilder("\n");
        String rule = "=".repeat(96) + "\n";
        banner.append(rule).append("  ").append(BANNER_TITLE).append("\n").append(rule);
        banner.append("  Console           ").append(gateway.resolve("/console/")).append("\n");
        banner.append("  Console login     ").append(String.join(", ", DemoUsers.USERS.keySet())).append(" (one per role),")
                .append(" password ").append(DemoUsers.PASSWORD).append("\n");
        banner.append("  Partner API       ").append(gateway).append("/api/v1/exchange/{agency}/messages").append("\n");
        banner.append("  Health, metrics   ").append(gateway.resolve("/health/ready")).append("   ")
                .append(gateway.resolve("/metrics?scope=application")).append("\n");
        banner.append("  Simulated partners (WireMock, each signing its receipts with its own key):\n");
        partners.values().forEach(partner -> banner.append(String.format("    %-5s %s%n", partner.code(), partner.endpoint())));
        banner.append("  JST (lead agency) pulls its inbox; keys and configuration in ").append(settings.directory()).append("\n");
        banner.append("  Calls             ").append(DemoCalls.MAIN).append(" (JST, NSF, UKRI, DFG, NWO), ").append(DemoCalls.CLOSING)
                .append(" (JST, DFG)\n");
        if (played.isPresent()) {
            banner.append("  Scenario          already played on ").append(played.get())
                    .append("; delete ").append(settings.directory()).append(" and data/postgres to play it again\n");
        } else {
            banner.append("  Playing now, over signed HTTP to the partner API (watch the console):\n");
            List<String> story = DemoScenario.STORY;
            story.forEach(line -> banner.append("    - ").append(line).append("\n"));
        }
        banner.append(rule);
        // Straight to standard output as one block, so it is not split into log records or turned into JSON.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.print(banner);
        out.flush();
        LOG.info("{} started: console at {}", BANNER_TITLE, gateway.resolve("/console/"));
    }
}
