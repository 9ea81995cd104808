package org.jointcall.gateway.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.gateway.agency.AgencyAdapters;
import org.jointcall.gateway.demo.PartnerSimulator;
import org.jointcall.signature.keys.KeyRegistry;

/**
 * The partner agencies' systems for delivery tests: one {@link PartnerSimulator} per agency (the one the
 * demo mode runs too), each signing its receipts with the agency's test key from {@link TestAgencies} and
 * taking only requests signed with the gateway's test key.
 */
public final class PartnerSimulators implements AutoCloseable {

    private static final AdapterRegistry ADAPTERS = new AgencyAdapters().registry();

    private final Map<String, PartnerSimulator> partners = new LinkedHashMap<>();

    private PartnerSimulators() {
    }

    /** Starts one simulator for each of {@code codes}, signing receipts with that agency's key in {@code agencies}. */
    public static PartnerSimulators start(TestAgencies agencies, List<String> codes) {
        PartnerSimulators simulators = new PartnerSimulators();
        KeyRegistry gatewayKeys = agencies.gatewayKeyRegistry();
        Supplier<KeyRegistry> gatewayKey = () -> gatewayKeys;
        for (String code : codes) {
            simulators.partners.put(code, PartnerSimulator.start(code, agencies.key(code), gatewayKey, ADAPTERS));
        }
        return simulators;
    }

    /** The same with {@link PartnerSimulator#recording} simulators, for benchmarks: no journal, each delivery told to {@code arrivals}. */
    public static PartnerSimulators recording(TestAgencies agencies, List<String> codes, PartnerSimulator.Arrivals arrivals) {
        PartnerSimulators simulators = new PartnerSimulators();
        KeyRegistry gatewayKeys = agencies.gatewayKeyRegistry();
        Supplier<KeyRegistry> gatewayKey = () -> gatewayKeys;
        for (String code : codes) {
            simulators.partners.put(code, PartnerSimulator.recording(code, agencies.key(code), gatewayKey, ADAPTERS, arrivals));
        }
        return simulators;
    }

    /** Rewrites {@code agencies/<CODE>/agency.json} of every simulated agency: push mode to its simulator, receipts required. */
    public void configurePush(Path configDirectory) {
        partners.values().forEach(partner -> partner.configurePush(configDirectory));
    }

    public PartnerSimulator partner(String code) {
        PartnerSimulator partner = partners.get(code);
        if (partner == null) {
            throw new IllegalArgumentException("no simulator for " + code + "; simulated: " + partners.keySet());
        }
        return partner;
    }

    @Override
    public void close() {
        partners.values().forEach(PartnerSimulator::close);
    }
}
