package org.jointcall.gateway.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Console sessions against a real PostgreSQL: what signs in, what ends a session, and what the table keeps. */
class ConsoleSessionsTest {

    private TestDatabase.Database database;
    private ConsoleSessions sessions;

    @BeforeEach
    void migrated() throws SQLException {
        database = TestDatabase.fresh("console_sessions");
        SchemaMigration.migrate(database.dataSource());
        sessions = new ConsoleSessions(database.dataSource(), Duration.ofMinutes(30), Duration.ofHours(12));
        execute("INSERT INTO console_user (username, password_hash, roles) VALUES"
                + " ('coord', 'x', ARRAY['coordinator']), ('audit', 'x', ARRAY['auditor'])");
    }

    @Test
    void aStartedSessionSignsItsUserInWithTheRolesTheyHaveNow() throws SQLException {
        ConsoleSessions.Started started = sessions.start("coord", Set.of("coordinator"));

        SignedIn found = sessions.find(started.token()).orElseThrow();
        assertThat(found).isEqualTo(started.signedIn());
        assertThat(found.username()).isEqualTo("coord");
        assertThat(found.csrfToken()).hasSize(43).isNotEqualTo(started.token());

        execute("UPDATE console_user SET roles = ARRAY['coordinator', 'administrator'] WHERE username = 'coord'");
        assertThat(sessions.find(started.token()).orElseThrow().roles()).containsExactlyInAnyOrder("coordinator", "administrator");
    }

    @Test
    void theTableHoldsTheTokensHashNeverTheToken() throws SQLException {
        ConsoleSessions.Started started = sessions.start("coord", Set.of("coordinator"));

        assertThat(database.column("SELECT encode(token_hash, 'hex') FROM console_session"))
                .containsExactly(started.signedIn().sessionKey());
        assertThat(database.column("SELECT concat_ws(' ', encode(token_hash, 'base64'), encode(token_hash, 'hex'), username, csrf_token)"
                + " FROM console_session")).singleElement().asString().doesNotContain(started.token());
        assertThat(sessions.find(started.signedIn().sessionKey())).as("the key is no token").isEmpty();
    }

    @Test
    void tokensNeverGivenOutSignNobodyIn() throws SQLException {
        String token = sessions.start("coord", Set.of("coordinator")).token();
        String other = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

        assertThat(sessions.find(other)).isEmpty();
        assertThat(sessions.find("")).isEmpty();
        assertThat(sessions.find(token + "A")).isEmpty();
        assertThat(sessions.find("'; DELETE FROM console_session; --")).isEmpty();
        assertThat(sessions.find(token)).isPresent();
    }

    @Test
    void aSessionEndsAfterHalfAnHourWithoutARequestOrTwelveHoursAfterSignIn() throws SQLException {
        String idle = sessions.start("coord", Set.of("coordinator")).token();
        String busy = sessions.start("audit", Set.of("auditor")).token();
        execute("UPDATE console_session SET last_seen_at = now() - interval '31 minutes' WHERE username = 'coord'");
        execute("UPDATE console_session SET created_at = now() - interval '12 hours 1 minute' WHERE username = 'audit'");

        assertThat(sessions.find(idle)).isEmpty();
        assertThat(sessions.find(busy)).as("a busy session ends at its age too").isEmpty();

        sessions.start("coord", Set.of("coordinator"));
        assertThat(database.column("SELECT count(*) FROM console_session")).as("a sign-in forgets ended sessions").containsExactly("1");
    }

    @Test
    void aRequestKeepsTheSessionAliveButWritesAtMostOnceAMinute() throws SQLException {
        String token = sessions.start("coord", Set.of("coordinator")).token();
        execute("UPDATE console_session SET last_seen_at = now() - interval '29 minutes'");

        sessions.find(token);
        assertThat(lastSeenSecondsAgo()).as("touched").isLessThan(5);

        execute("UPDATE console_session SET last_seen_at = now() - interval '30 seconds'");
        sessions.find(token);
        assertThat(lastSeenSecondsAgo()).as("not written again within the minute").isBetween(29L, 40L);
    }

    @Test
    void signingOutEndsThatSessionOnly() throws SQLException {
        ConsoleSessions.Started first = sessions.start("coord", Set.of("coordinator"));
        ConsoleSessions.Started second = sessions.start("coord", Set.of("coordinator"));

        sessions.end(first.signedIn().sessionKey());

        assertThat(sessions.find(first.token())).isEmpty();
        assertThat(sessions.find(second.token())).isPresent();
        sessions.endToken(second.token());
        assertThat(sessions.find(second.token())).isEmpty();
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessions() throws SQLException {
        ConsoleSessions.Started asking = sessions.start("coord", Set.of("coordinator"));
        ConsoleSessions.Started elsewhere = sessions.start("coord", Set.of("coordinator"));
        ConsoleSessions.Started someoneElse = sessions.start("audit", Set.of("auditor"));

        assertThat(sessions.endOthersOf("coord", Optional.of(asking.signedIn().sessionKey()))).isEqualTo(1);
        assertThat(sessions.find(asking.token())).isPresent();
        assertThat(sessions.find(elsewhere.token())).isEmpty();
        assertThat(sessions.find(someoneElse.token())).isPresent();

        assertThat(sessions.endOthersOf("coord", Optional.empty())).isEqualTo(1);
        assertThat(sessions.find(asking.token())).isEmpty();
    }

    @Test
    void deletingTheUserEndsTheirSessions() throws SQLException {
        String token = sessions.start("coord", Set.of("coordinator")).token();

        execute("DELETE FROM console_user WHERE username = 'coord'");

        assertThat(sessions.find(token)).isEmpty();
        assertThat(database.column("SELECT count(*) FROM console_session")).containsExactly("0");
    }

    @Test
    void stillOpenNamesTheSessionsThatHaveNotEnded() throws SQLException {
        ConsoleSessions.Started open = sessions.start("coord", Set.of("coordinator"));
        ConsoleSessions.Started expired = sessions.start("audit", Set.of("auditor"));
        ConsoleSessions.Started signedOut = sessions.start("coord", Set.of("coordinator"));
        execute("UPDATE console_session SET last_seen_at = now() - interval '1 hour' WHERE username = 'audit'");
        sessions.end(signedOut.signedIn().sessionKey());

        try (Connection connection = database.connect()) {
            assertThat(sessions.stillOpen(connection, List.of(open.signedIn().sessionKey(), expired.signedIn().sessionKey(),
                    signedOut.signedIn().sessionKey()))).containsExactly(open.signedIn().sessionKey());
        }
    }

    @Test
    void anEndedSessionIsAnnouncedToEveryListener() throws SQLException {
        ConsoleSessions.Started started = sessions.start("coord", Set.of("coordinator"));
        try (Connection listener = database.connect()) {
            listener.setAutoCommit(true);
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN console_session_end");
            }

            sessions.end(started.signedIn().sessionKey());

            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(5_000);
            assertThat(received).extracting(PGNotification::getParameter).containsExactly(started.signedIn().sessionKey());
        }
    }

    @Test
    void durationsMustBePositive() {
        assertThatThrownBy(() -> new ConsoleSessions(database.dataSource(), Duration.ZERO, Duration.ofHours(12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.console.session-idle-minutes");
        assertThatThrownBy(() -> new ConsoleSessions(database.dataSource(), Duration.ofMinutes(30), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }

    private long lastSeenSecondsAgo() throws SQLException {
        return Long.parseLong(database.column("SELECT extract(epoch FROM now() - last_seen_at)::bigint FROM console_session").get(0));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
