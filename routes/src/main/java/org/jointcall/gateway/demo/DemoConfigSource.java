package org.jointcall.gateway.demo;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The demo mode's defaults, in effect only with {@code gateway.demo=true}: the configuration directory
 * the demo writes ({@code <gateway.demo.dir>/config}), a deadline sweep every 5 s so the late decision
 * lapses while someone watches, and short circuit-breaker and backoff times so a partner that comes
 * back is served within seconds. Its ordinal (120) is above the WAR's own defaults and below the
 * environment and system properties, so anything given explicitly still wins.
 *
 * <p>A config source cannot ask the configuration whether the demo is on, so it reads the two
 * settings it depends on where MicroProfile Config would find them: system property, then environment.
 */
public final class DemoConfigSource implements ConfigSource {

    static final int ORDINAL = 120;

    private final Map<String, String> values;

    public DemoConfigSource() {
        this(System.getProperty(DemoSettings.ENABLED, System.getenv("GATEWAY_DEMO")),
                System.getProperty(DemoSettings.DIRECTORY, System.getenv("GATEWAY_DEMO_DIR")));
    }

    DemoConfigSource(String enabled, String directory) {
        values = Boolean.parseBoolean(enabled) ? defaults(DemoSettings.directory(directory)) : Map.of();
    }

    private static Map<String, String> defaults(Path demoDirectory) {
        return Map.of(
                "gateway.config.dir", DemoSettings.configDirectory(demoDirectory).toString(),
                "gateway.deadline.sweep-period", "5000",
                "gateway.deadline.initial-delay", "5000",
                "gateway.delivery.circuit.open-ms", "10000",
                "gateway.delivery.backoff-max-ms", "8000");
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "jointcall-gateway demo mode";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
