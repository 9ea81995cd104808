package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows the database: a gateway whose PostgreSQL goes away must stop taking traffic
 * (503) while staying alive, and take it again once the database is back.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE_NOTICED_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path postgresData;

    @Test
    void readyTurnsDownWith503WhileTheDatabaseIsAwayAndUpWhenItReturns() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = startPostgres(port);
        try (GatewayProcess gateway = GatewayProcess.named("outage")
                .database(new TestDatabase.Database("jdbc:postgresql://localhost:" + port + "/postgres", "postgres"))
                .start()) {
            postgres.close();

            HttpResponse<String> down = awaitReady(gateway, response -> response.statusCode() == 503);
            JsonNode health = Json.body(down);
            assertThat(health.path("status").asText()).isEqualTo("DOWN");
            JsonNode database = Json.check(health, "database");
            assertThat(database.path("status").asText()).isEqualTo("DOWN");
            assertThat(database.path("data").path("error").asText()).isNotBlank();
            assertThat(gateway.get("/health/live").statusCode()).as("still alive without its database").isEqualTo(200);

            postgres = startPostgres(port);
            HttpResponse<String> up = awaitReady(gateway, response -> response.statusCode() == 200);
            assertThat(Json.check(Json.body(up), "database").path("status").asText()).isEqualTo("UP");
        } finally {
            postgres.close();
        }
    }

    @Test
    void aGatewayThatCannotReachItsDatabaseAtStartupExitsWithStatus3() throws Exception {
        int closedPort = freePort();
        try (GatewayProcess gateway = GatewayProcess.named("no-database")
                .database(new TestDatabase.Database("jdbc:postgresql://localhost:" + closedPort + "/postgres", "postgres"))
                .launch()) {
            assertThat(gateway.awaitExitWithin(GatewayProcess.STARTUP_TIMEOUT)).as(gateway.logTail()).isEqualTo(3);
            assertThat(Files.readString(gateway.log())).contains("jointcall-gateway failed to start")
                    .contains("localhost:" + closedPort);
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(postgresData).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    private static HttpResponse<String> awaitReady(GatewayProcess gateway, Predicate<HttpResponse<String>> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + OUTAGE_NOTICED_WITHIN.toNanos();
        HttpResponse<String> ready = gateway.get("/health/ready");
        while (!expected.test(ready) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            ready = gateway.get("/health/ready");
        }
        assertThat(ready).as("/health/ready within " + OUTAGE_NOTICED_WITHIN.toSeconds() + " s: " + ready.body())
                .matches(expected);
        return ready;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
