package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundle that {@code mvn package} built starts on an external PostgreSQL and is healthy. */
class GatewayStartupIT {

    private static TestDatabase.Database database;
    private static GatewayProcess gateway;

    @BeforeAll
    static void startGateway() {
        database = TestDatabase.fresh("startup");
        gateway = GatewayProcess.named("startup").database(database)
                .property("gateway.instance.heartbeat-period", "1000")
                .start();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void liveReportsCamelRunningItsRoutes() {
        HttpResponse<String> live = gateway.get("/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        JsonNode camel = Json.check(Json.body(live), "camel");
        assertThat(camel.path("status").asText()).isEqualTo("UP");
        assertThat(camel.path("data").path("status").asText()).isEqualTo("Started");
        assertThat(camel.path("data").path("routes").asInt()).isPositive();
    }

    @Test
    void readyReportsTheExternalDatabaseWithItsSchemaVersion() {
        HttpResponse<String> ready = gateway.get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode db = Json.check(Json.body(ready), "database");
        assertThat(db.path("status").asText()).isEqualTo("UP");
        assertThat(db.path("data").path("url").asText()).isEqualTo(database.url());
        assertThat(db.path("data").path("embedded").asText()).isEqualTo("false");
        assertThat(db.path("data").path("schemaVersion").asText()).isEqualTo(latestMigration());
    }

    @Test
    void migrationsAreRecordedInTheDatabaseTheGatewayWasGiven() throws SQLException {
        List<String> applied = column("SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank");

        assertThat(applied).isNotEmpty().allMatch(row -> row.endsWith(":true")).first().isEqualTo("1:true");
    }

    /** Configured to beat every second (the default is 10 s), so a fresh beat within 8 s proves both. */
    @Test
    void theHeartbeatRouteKeepsThisInstanceAliveInTheSharedDatabaseAtTheConfiguredPeriod() throws Exception {
        String lastSeen = "SELECT last_seen_at FROM gateway_instance WHERE instance_id LIKE '%/" + gateway.pid() + "'";
        List<String> first = awaitChange(lastSeen, List.of());
        assertThat(first).as("a gateway_instance row for pid " + gateway.pid()).hasSize(1);

        assertThat(awaitChange(lastSeen, first)).as("last_seen_at after a later beat").hasSize(1).isNotEqualTo(first);
    }

    private static List<String> awaitChange(String sql, List<String> from) throws Exception {
        long deadline = System.nanoTime() + 8_000_000_000L;
        List<String> now = database.column(sql);
        while (now.equals(from) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = database.column(sql);
        }
        return now;
    }

    @Test
    void infoAnswersJsonWithTheVersionsActuallyLoaded() {
        HttpResponse<String> response = gateway.get("/api/v1/info");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode info = Json.body(response);
        assertThat(info.path("gatewayVersion").asText()).isEqualTo(System.getProperty("expected.gateway.version"));
        assertThat(info.path("camelVersion").asText()).isEqualTo(System.getProperty("expected.camel.version"));
    }

    @Test
    void infoDoesNotEchoTheRequestsHeaders() throws Exception {
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                gateway.uri("/api/v1/info")).header("Authorization", "Basic c2VjcmV0OnNlY3JldA==").header("Cookie", "JSESSIONID=secret")
                .header("X-Secret", "secret").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet()).as("headers of the answer").noneMatch(name -> name.equalsIgnoreCase("Authorization")
                || name.equalsIgnoreCase("Cookie") || name.equalsIgnoreCase("X-Secret"));
    }

    /** glassfish-web.xml delegate="false": the WAR's pinned Jackson wins over Payara's 2.20.0. */
    @Test
    void jacksonIsThePinnedVersionFromTheWarNotPayaras() {
        JsonNode jackson = Json.body(gateway.get("/api/v1/info")).path("jackson");

        assertThat(jackson.path("version").asText()).isEqualTo(System.getProperty("expected.jackson.version"));
        assertThat(jackson.path("loadedBy").asText()).isEqualTo("application");
    }

    /** jakarta.* always comes from Payara, so JAXB is Payara's, API and implementation alike. */
    @Test
    void jaxbIsPayarasOwnApiAndImplementation() {
        JsonNode info = Json.body(gateway.get("/api/v1/info"));

        assertThat(info.path("jaxbApi").path("loadedBy").asText()).isEqualTo("server");
        assertThat(info.path("jaxbRuntime").path("loadedBy").asText()).isEqualTo("server");
        assertThat(info.path("jaxbRuntime").path("version").asText()).startsWith("4.");
    }

    private static String latestMigration() {
        try {
            return column("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")
                    .get(0);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> column(String sql) throws SQLException {
        return database.column(sql);
    }
}
