package org.jointcall.gateway.console.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jointcall.gateway.console.ConsoleJson;
import org.jointcall.gateway.console.query.AlertsView;
import org.jointcall.gateway.console.query.ProposalMatrix;
import org.jointcall.gateway.console.query.ProposalTracks;
import org.jointcall.gateway.console.security.ConsoleSessions;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's event stream on this instance. One background thread LISTENs on PostgreSQL channels
 * {@code console_proposal} and {@code console_alert} (V7's triggers notify them in the committing
 * transaction of any instance), reads the changed proposal's matrix row or the alert, and broadcasts
 * it to every subscriber whose session still holds; a comment every 15 s keeps idle connections (and proxies) open. The
 * listener starts with the first subscriber and holds one pooled connection while it runs.
 *
 * <p>A stream opened in a console session ends with it: at once when the session is deleted on any instance (signing
 * out, a password change; channel {@code console_session_end}, V20), and within 15 s when it expires.
 */
@ApplicationScoped
public class ConsoleEvents {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEvents.class);
    private static final ObjectMapper JSON = ConsoleJson.MAPPER;

    @Inject
    DataSource dataSource;

    @Inject
    ProposalTracks proposals;

    @Inject
    AlertsView alerts;

    @Inject
    ConsoleSessions sessions;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private Sse sse;
    private Thread listener;
    private volatile boolean running;
    /** When the listener last asked which subscribers' sessions are still open. */
    private Instant sessionsChecked = Instant.EPOCH;

    /**
     * Adds a subscriber; starts the listener with the first one. {@code sessionKey} names the console session the stream
     * was opened in (none for {@code Authorization: Basic}): once it ends, by signing out or by expiry, the stream is
     * closed and gets nothing more, since a stream opened while signed in must not outlive the sign-in.
     */
    public synchronized void subscribe(SseEventSink sink, Sse sse, Optional<String> sessionKey) {
        if (listener == null) {
            this.sse = sse;
            running = true;
            listener = new Thread(this::listen, "console-events");
            listener.setDaemon(true);
            listener.start();
        }
        subscribers.add(new Subscriber(sink, sessionKey));
        // The first bytes tell the browser the stream is open, before any change happens.
        sink.send(sse.newEventBuilder().comment("connected").build());
    }

    /** Closes the streams opened in a session that has ended. */
    private void sessionEnded(String sessionKey) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.sessionKey().filter(sessionKey::equals).isPresent()) {
                drop(subscriber);
            }
        }
    }

    /** Closes the streams whose session expired; asked of the database every {@link #HEARTBEAT} at most. */
    private void dropExpired(Connection connection) throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(sessionsChecked.plus(HEARTBEAT))) {
            return;
        }
        sessionsChecked = now;
        Set<String> keys = new HashSet<>();
        subscribers.forEach(subscriber -> subscriber.sessionKey().ifPresent(keys::add));
        if (keys.isEmpty()) {
            return;
        }
        Set<String> open = sessions.stillOpen(connection, keys);
        keys.stream().filter(key -> !open.contains(key)).forEach(this::sessionEnded);
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN console_proposal");
                    listen.execute("LISTEN console_alert");
                    listen.execute("LISTEN console_session_end");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications((int) HEARTBEAT.toMillis());
                    dropExpired(connection);
                    if (received == null || received.length == 0) {
                        broadcast(sse.newEventBuilder().comment("heartbeat").build());
                        continue;
                    }
                    publish(connection, received);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Console live updates interrupted ({}); listening again in {} s", e.getMessage(), RETRY.toSeconds());
                    pause();
                }
            }
        }
    }

    private void publish(Connection connection, PGNotification[] received) throws SQLException {
        // A burst of changes to one proposal is one event with its latest state.
        Set<String> proposalIds = new LinkedHashSet<>();
        Set<Long> alertIds = new LinkedHashSet<>();
        for (PGNotification notification : received) {
            if (notification.getName().equals("console_session_end")) {
                sessionEnded(notification.getParameter());
            } else if (notification.getName().equals("console_proposal")) {
                proposalIds.add(notification.getParameter());
            } else {
                alertIds.add(Long.parseLong(notification.getParameter()));
            }
        }
        for (String id : proposalIds) {
            proposals.one(connection, UUID.fromString(id)).ifPresent(located -> send("proposal", proposalEvent(located)));
        }
        for (long id : alertIds) {
            alerts.find(connection, id).ifPresent(alert -> send("alert", alert));
        }
    }

    /** The proposal event: the matrix row's state with each agency's track state. */
    static Map<String, Object> proposalEvent(ProposalTracks.Located located) {
        ProposalMatrix.Row row = located.row();
        Map<String, Object> tracks = new TreeMap<>();
        row.tracks().forEach((agency, cell) -> tracks.put(agency, Map.of("state", cell.state())));
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("jointId", row.jointId());
        event.put("callId", located.callId());
        event.put("jointReference", row.jointReference());
        event.put("jointState", row.jointState());
        event.put("decidedBy", row.decidedBy());
        event.put("updatedAt", row.updatedAt());
        event.put("tracks", tracks);
        return event;
    }

    private void send(String name, Object data) {
        try {
            OutboundSseEvent event = sse.newEventBuilder().name(name).mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, JSON.writeValueAsString(data)).build();
            broadcast(event);
        } catch (JsonProcessingException e) {
            LOG.warn("Console event {} could not be written: {}", name, e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends {@code event} to every open stream, and lets go of the closed ones. */
    private void broadcast(OutboundSseEvent event) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.sink().isClosed()) {
                drop(subscriber);
                continue;
            }
            try {
                subscriber.sink().send(event).whenComplete((sent, failure) -> {
                    if (failure != null) {
                        drop(subscriber);
                    }
                });
            } catch (IllegalStateException closedMeanwhile) {
                drop(subscriber);
            }
        }
    }

    private void drop(Subscriber subscriber) {
        subscribers.remove(subscriber);
        try {
            subscriber.sink().close();
        } catch (RuntimeException alreadyGone) {
            LOG.debug("Console event stream already closed: {}", alreadyGone.getMessage());
        }
    }

    /** An open stream and the key of the console session it was opened in, if any. */
    private record Subscriber(SseEventSink sink, Optional<String> sessionKey) {
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        subscribers.forEach(this::drop);
    }
}
