package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user gets from the README's run command: no database configured, so the gateway
 * runs its own PostgreSQL with the data under the working directory, keeps it across a clean
 * restart, and recovers the directory after being killed.
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path workingDirectory;

    @Test
    void withNoDatabaseConfiguredTheGatewayKeepsItsDataAcrossAStopAndAKill() throws Exception {
        Path data = workingDirectory.resolve("postgres");
        GatewayProcess gateway = GatewayProcess.named("embedded")
                .property("gateway.db.embedded.dir", data.toString())
                .start();
        try {
            assertThat(databaseCheck(gateway).path("data").path("embedded").asText()).isEqualTo("true");
            awaitInstances(embeddedDatabase(gateway), 1);

            gateway.stop();
            assertThat(data.resolve("postmaster.pid")).as("PostgreSQL stopped with the gateway").doesNotExist();

            gateway = gateway.restart();
            TestDatabase.Database database = embeddedDatabase(gateway);
            awaitInstances(database, 2);
            assertThat(database.column("SELECT count(*) FROM flyway_schema_history WHERE success"))
                    .as("migrations are not applied again").containsExactly(Long.toString(migrationCount()));

            gateway.kill();
            assertThat(data.resolve("postmaster.pid")).as("a killed gateway leaves PostgreSQL running").exists();

            gateway = gateway.restart();
            awaitInstances(embeddedDatabase(gateway), 3);
        } finally {
            gateway.close();
        }
    }

    private static TestDatabase.Database embeddedDatabase(GatewayProcess gateway) {
        return new TestDatabase.Database(databaseCheck(gateway).path("data").path("url").asText(), "postgres");
    }

    private static JsonNode databaseCheck(GatewayProcess gateway) {
        JsonNode database = Json.check(Json.body(gateway.get("/health/ready")), "database");
        assertThat(database.path("status").asText()).isEqualTo("UP");
        return database;
    }

    /** Every instance that ever ran on this data directory has registered itself: the rows survived. */
    private static void awaitInstances(TestDatabase.Database database, int expected) throws Exception {
        String count = "SELECT count(*) FROM gateway_instance";
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!Integer.toString(expected).equals(database.column(count).get(0)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(database.column(count)).as("registered gateway instances").containsExactly(Integer.toString(expected));
    }

    private static long migrationCount() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
