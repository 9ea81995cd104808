package org.jointcall.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.jointcall.signature.message.HttpFields;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeLedgerTest {

    private final ExchangeLedger ledger = new ExchangeLedger();
    private TestDatabase.Database database;

    @BeforeEach
    void migrated() {
        database = TestDatabase.fresh("ledger");
        SchemaMigration.migrate(database.dataSource());
    }

    @Test
    void anInsertedMessageIsFoundWithItsDigestAndExactReceipt() throws SQLException {
        try (Connection connection = database.connect()) {
            LedgerEntry entry = entry(ledger.nextId(connection), "m-1", "sha-256=:aaa:");

            assertThat(ledger.insert(connection, entry)).isTrue();

            StoredMessage stored = ledger.find(connection, "NSF", "m-1").orElseThrow();
            assertThat(stored.ledgerId()).isEqualTo(entry.ledgerId());
            assertThat(stored.bodyDigest()).isEqualTo("sha-256=:aaa:");
            assertThat(stored.receipt()).isEqualTo(entry.receipt());
            assertThat(ledger.find(connection, "UKRI", "m-1")).isEmpty();
        }
        assertThat(database.column("SELECT processing_state FROM exchange_ledger")).containsExactly("RECEIVED");
        assertThat(database.column("SELECT local_proposal_id || ' / ' || title FROM exchange_ledger"))
                .as("the proposal's id and title as the gateway read them").containsExactly("2412345 / Quantum sensing networks");
        assertThat(database.column("SELECT lead_researchers::text FROM exchange_ledger"))
                .as("its lead researchers' keys").containsExactly("{ORCID:0000-0002-1825-0097}");
    }

    @Test
    void aSecondMessageWithTheSameIdFromTheSameAgencyIsNotInserted() throws SQLException {
        try (Connection connection = database.connect()) {
            assertThat(ledger.insert(connection, entry(ledger.nextId(connection), "m-2", "sha-256=:aaa:"))).isTrue();

            assertThat(ledger.insert(connection, entry(ledger.nextId(connection), "m-2", "sha-256=:bbb:"))).isFalse();
        }
        assertThat(database.column("SELECT body_digest FROM exchange_ledger WHERE message_id = 'm-2'")).containsExactly("sha-256=:aaa:");
    }

    /** The second transaction waits on the unique index for the first one and then inserts nothing. */
    @Test
    void ofTwoConcurrentTransactionsInsertingOneMessageExactlyOneWins() throws Exception {
        try (Connection first = database.connect(); Connection second = database.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertThat(ledger.insert(first, entry(ledger.nextId(first), "m-3", "sha-256=:aaa:"))).isTrue();
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Boolean> racing = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                try {
                    boolean inserted = ledger.insert(second, entry(ledger.nextId(second), "m-3", "sha-256=:aaa:"));
                    second.commit();
                    return inserted;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            started.await();
            Thread.sleep(200);
            assertThat(racing).as("blocked until the first transaction ends").isNotDone();
            first.commit();

            assertThat(racing.get(10, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(database.column("SELECT count(*) FROM exchange_ledger WHERE message_id = 'm-3'")).containsExactly("1");
    }

    private static LedgerEntry entry(long id, String messageId, String digest) {
        Receipt receipt = new Receipt(202, HttpFields.of("Content-Type", "application/json", "Signature", "jointcall=:x:"),
                ("{\"ledgerId\":" + id + "}").getBytes(StandardCharsets.UTF_8));
        return new LedgerEntry(id, "NSF", messageId, "PROPOSAL_PART", "ASPIRE-AI-0042", "ASPIRE-2026-AI", "2412345", "Quantum sensing networks",
                List.of("ORCID:0000-0002-1825-0097"), "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), digest, "https://gateway.example/api/v1/exchange/NSF/messages",
                HttpFields.of("Content-Type", "application/json"), "jointcall=()",
                "jointcall=:x:", "nsf-1", "ecdsa-p256-sha256", "{\"keyId\":\"nsf-1\"}", "<m/>".getBytes(StandardCharsets.UTF_8), null,
                receipt, Instant.parse("2026-11-23T10:00:00Z"));
    }
}
