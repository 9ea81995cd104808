package org.jointcall.gateway.persistence;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one PostgreSQL database of this gateway instance and its connection pool.
 *
 * <p>Created on first use, which the bootstrap makes happen before anything else: with no
 * {@code gateway.db.url} it first starts the embedded server, then opens a HikariCP pool on
 * whichever database applies. Every other bean gets connections through the {@link DataSource}
 * produced here. On shutdown the pool closes before the embedded server stops, so no connection
 * outlives its server.
 */
@ApplicationScoped
public class GatewayDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayDatabase.class);
    /** How long a caller waits for a pooled connection before the database counts as unreachable. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

    @Inject
    DatabaseSettings settings;

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");

    private EmbeddedPostgresServer embedded;
    private HikariDataSource pool;

    @PostConstruct
    void open() {
        String url;
        if (settings.embedded()) {
            embedded = EmbeddedPostgresServer.start(settings.embeddedDirectory(), settings.embeddedPort());
            url = embedded.jdbcUrl();
        } else {
            url = settings.url().orElseThrow();
        }
        try {
            pool = new HikariDataSource(poolConfig(url));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Database: {} ({})", shown(url), embedded != null ? "embedded" : "external");
    }

    private HikariConfig poolConfig(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gateway");
        // Named explicitly: DriverManager does not see drivers inside a web application's class loader.
        config.setDriverClassName(org.postgresql.Driver.class.getName());
        config.setJdbcUrl(url);
        config.setUsername(settings.user());
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        return config;
    }

    @Produces
    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL in use, for operators (the health check shows it to anyone), with any password in it masked. */
    public String url() {
        return shown(pool.getJdbcUrl());
    }

    /**
     * {@code url} with the value of a {@code password} parameter replaced by {@code ***}: the password belongs in
     * {@code gateway.db.password}, but PgJDBC also takes one in the URL, and an operator may well put it there.
     */
    static String shown(String url) {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }

    public boolean embedded() {
        return embedded != null;
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
