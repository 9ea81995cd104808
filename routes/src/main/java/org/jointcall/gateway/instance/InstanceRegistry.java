package org.jointcall.gateway.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.info.GatewayInfoSource;

/**
 * Records in {@code gateway_instance} that this instance is alive, so that every instance sharing
 * the database — and the operator looking at it — can tell which gateways run and which went
 * silent. An instance is named by host and process id; a restart is a new instance.
 */
@ApplicationScoped
public class InstanceRegistry {

    private static final String BEAT = """
            INSERT INTO gateway_instance (instance_id, host, version, started_at, last_seen_at)
            VALUES (?, ?, ?, ?, now())
            ON CONFLICT (instance_id) DO UPDATE SET last_seen_at = now()
            """;

    @Inject
    DataSource dataSource;

    @Inject
    GatewayInfoSource info;

    private final String host = hostName();
    private final String instanceId = host + "/" + ProcessHandle.current().pid();
    private final Instant startedAt = Instant.now();

    public String instanceId() {
        return instanceId;
    }

    /** Registers this instance on the first call and refreshes its last-seen time on every later one. */
    public void heartbeat() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(BEAT)) {
            statement.setString(1, instanceId);
            statement.setString(2, host);
            statement.setString(3, info.gatewayVersion());
            statement.setTimestamp(4, Timestamp.from(startedAt));
            statement.executeUpdate();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
