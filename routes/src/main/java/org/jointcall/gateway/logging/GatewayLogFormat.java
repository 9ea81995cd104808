package org.jointcall.gateway.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the lines of the gateway and the libraries it runs (Camel, HikariCP, Flyway, the embedded
 * PostgreSQL) to standard output through {@link GatewayLogHandler}, one line per record with the
 * message's correlation ids: readable text ({@code gateway.log.format=text}, the default) or one JSON
 * object per line ({@code json}). Payara's own lines, its boot among them, stay on Payara's handler
 * (standard error). Undeploying puts things back.
 */
@ApplicationScoped
public class GatewayLogFormat {

    public static final String PROPERTY = "gateway.log.format";
    static final List<String> GATEWAY_LOGGERS = List.of("org.jointcall", "org.apache.camel", "com.zaxxer.hikari", "org.flywaydb",
            "io.zonky");

    private String format;
    // java.util.logging holds loggers weakly: without these references a logger and its handler could be collected.
    private final List<Logger> redirected = new ArrayList<>();
    private GatewayLogHandler handler;

    /** For the CDI proxy only. */
    protected GatewayLogFormat() {
    }

    @Inject
    public GatewayLogFormat(@ConfigProperty(name = PROPERTY, defaultValue = "text") String format) {
        this.format = format.trim().toLowerCase(Locale.ROOT);
        if (!this.format.equals("text") && !this.format.equals("json")) {
            throw new IllegalArgumentException(PROPERTY + " is '" + format + "'; it must be text or json");
        }
    }

    /** Applies the configured format; called first thing at startup, so the gateway's first lines already have it. */
    public synchronized void install() {
        if (handler != null) {
            return;
        }
        // The file descriptor itself, not System.out, which a server may have redirected into its own log.
        handler = new GatewayLogHandler(new FileOutputStream(FileDescriptor.out),
                format.equals("json") ? new JsonLogFormatter() : new TextLogFormatter());
        for (String name : GATEWAY_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.addHandler(handler);
            logger.setUseParentHandlers(false);
            redirected.add(logger);
        }
    }

    @PreDestroy
    synchronized void uninstall() {
        for (Logger logger : redirected) {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
        }
        redirected.clear();
        if (handler != null) {
            handler.close();
            handler = null;
        }
    }

    public String format() {
        return format;
    }
}
