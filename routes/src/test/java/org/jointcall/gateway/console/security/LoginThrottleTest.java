package org.jointcall.gateway.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failed console logins against a real PostgreSQL: when a user name locks, for how long, and what clears it. */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();
    private TestDatabase.Database database;

    @BeforeEach
    void migrated() {
        database = TestDatabase.fresh("login_throttle");
        SchemaMigration.migrate(database.dataSource());
        throttle.dataSource = database.dataSource();
        throttle.lockoutAfter = 3;
        throttle.lockoutSeconds = 60;
    }

    @Test
    void aNameLocksAtTheThresholdAndOnlyThatName() {
        throttle.failed("coord");
        throttle.failed("coord");
        assertThat(throttle.standing("coord").lockedUntil()).as("two failures of three allowed").isEmpty();

        Instant before = Instant.now();
        throttle.failed("coord");

        assertThat(throttle.standing("coord").lockedUntil()).hasValueSatisfying(until -> assertThat(until)
                .isBetween(before.plusSeconds(59), Instant.now().plusSeconds(61)));
        assertThat(throttle.standing("audit").lockedUntil()).isEmpty();
    }

    @Test
    void aNameNobodyHasLocksLikeARealOneSoALockRevealsNothing() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("no-such-user");
        }
        assertThat(throttle.standing("no-such-user").lockedUntil()).isPresent();
    }

    @Test
    void eachFailurePastTheThresholdDoublesTheLockUpToFifteenMinutes() {
        assertThat(throttle.lockFor(3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.lockFor(4)).isEqualTo(Duration.ofSeconds(120));
        assertThat(throttle.lockFor(6)).isEqualTo(Duration.ofSeconds(480));
        assertThat(throttle.lockFor(7)).isEqualTo(LoginThrottle.MAX_LOCK);
        assertThat(throttle.lockFor(1_000)).isEqualTo(LoginThrottle.MAX_LOCK);
    }

    @Test
    void aSignInForgetsTheFailuresAndOldFailuresCountAsNone() throws Exception {
        throttle.failed("coord");
        throttle.failed("coord");
        assertThat(throttle.standing("coord").failedBefore()).isTrue();
        throttle.succeeded("coord");
        assertThat(throttle.standing("coord")).as("nothing left to clear at the next sign-in").isEqualTo(LoginThrottle.Standing.CLEAN);
        throttle.failed("coord");
        assertThat(throttle.standing("coord").lockedUntil()).as("one failure since the sign-in").isEmpty();

        throttle.failed("coord");
        database.column("UPDATE console_login_failure SET last_failed_at = now() - interval '16 minutes' RETURNING username");
        throttle.failed("coord");
        assertThat(throttle.standing("coord").lockedUntil()).as("the failures before were more than 15 minutes ago").isEmpty();
        assertThat(database.column("SELECT failures::text FROM console_login_failure")).containsExactly("1");
    }
}
