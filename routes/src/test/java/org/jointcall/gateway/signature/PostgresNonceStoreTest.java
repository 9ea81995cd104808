package org.jointcall.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;

import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresNonceStoreTest {

    private TestDatabase.Database database;
    private PostgresNonceStore store;

    @BeforeEach
    void migrated() {
        database = TestDatabase.fresh("nonces");
        SchemaMigration.migrate(database.dataSource());
        store = new PostgresNonceStore(database.dataSource());
    }

    @Test
    void aNonceIsFirstUsedOnceAndAReplayWithTheSameKeyIsRecognised() {
        Instant later = Instant.now().plusSeconds(300);

        assertThat(store.firstUse("nsf-1", "abc", later)).isTrue();
        assertThat(store.firstUse("nsf-1", "abc", later)).isFalse();
        assertThat(store.firstUse("ukri-1", "abc", later)).as("same nonce, other key").isTrue();
        assertThat(store.seen("nsf-1", "abc")).isTrue();
        assertThat(store.seen("nsf-1", "other")).isFalse();
    }

    @Test
    void aPendingNonceIsOnlySpentInTheCallersTransactionAndLosesToAConcurrentSpend() throws SQLException {
        PendingNonce pending = new PendingNonce(store);
        assertThat(pending.firstUse("nsf-1", "n-1", Instant.now().plusSeconds(300))).isTrue();
        assertThat(store.seen("nsf-1", "n-1")).as("not spent by verification alone").isFalse();

        store.firstUse("nsf-1", "n-1", Instant.now().plusSeconds(300));

        try (var connection = database.connect()) {
            assertThat(pending.spend(connection)).isFalse();
        }
    }

    @Test
    void purgeForgetsOnlyExpiredNonces() throws SQLException {
        store.firstUse("nsf-1", "old", Instant.now().minusSeconds(10));
        store.firstUse("nsf-1", "young", Instant.now().plusSeconds(300));

        assertThat(store.purgeExpired(Instant.now())).isEqualTo(1);
        assertThat(database.column("SELECT nonce FROM signature_nonce")).containsExactly("young");
    }
}
