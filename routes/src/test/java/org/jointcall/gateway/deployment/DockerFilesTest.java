package org.jointcall.gateway.deployment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment files in docker/ checked without a Docker engine: the image rules (pinned Payara
 * base of the built version, non-root, readiness check, heap cap, no credential baked in), the
 * compose cluster (two instances on the db service, health checks, secrets only by reference), the
 * load balancer over both instances, and the partner simulators' stubs served by the real WireMock.
 * Where a compose CLI is installed, compose itself validates the file too.
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of(System.getProperty("user.dir")).resolveSibling("docker");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE).*");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]*}");
    /** A reference to a variable with no literal fallback: required (":?"), empty by default (":-") or plain. */
    private static final Pattern REFERENCE_ONLY = Pattern.compile("\\$\\{[A-Z0-9_]+(:\\?[^}]*|:-)?}");
    private static final List<String> PARTNERS = List.of("nsf", "ukri", "dfg", "nwo");

    private static ParentPom pom;
    private static Dockerfile dockerfile;
    private static ComposeFile compose;

    @BeforeAll
    static void readDeploymentFiles() throws IOException {
        pom = ParentPom.read(DOCKER.resolveSibling("pom.xml"));
        dockerfile = Dockerfile.read(DOCKER.resolve("Dockerfile"));
        compose = ComposeFile.read(DOCKER.resolve("compose.yaml"));
    }

    @Test
    void imageStartsFromThePayaraMicroJdk17ReleaseTheBundleIsBuiltWith() {
        assertThat(dockerfile.all("FROM")).extracting(Dockerfile.Instruction::arguments)
                .containsExactly("payara/micro:" + pom.property("payara.version") + "-jdk17");
    }

    @Test
    void imageRunsTheMicrobundleAsTheNonRootPayaraUser() {
        assertThat(dockerfile.last("USER")).map(Dockerfile.Instruction::arguments).contains("payara");
        assertThat(dockerfile.lastIndexOf("USER")).isLessThan(dockerfile.lastIndexOf("ENTRYPOINT"));
        assertThat(dockerfile.lastIndexOf("RUN")).isLessThan(dockerfile.lastIndexOf("USER"));
        assertThat(dockerfile.all("COPY")).extracting(Dockerfile.Instruction::arguments)
                .containsExactly("routes/target/routes-${GATEWAY_VERSION}-microbundle.jar /opt/payara/gateway.jar");
        assertThat(dockerfile.last("ENTRYPOINT")).map(Dockerfile.Instruction::arguments).hasValueSatisfying(entrypoint ->
                assertThat(entrypoint).contains("exec java $JVM_ARGS -jar /opt/payara/gateway.jar"));
        assertThat(dockerfile.all("EXPOSE")).extracting(Dockerfile.Instruction::arguments).containsExactly("8080");
    }

    @Test
    void imageChecksReadinessWithTheBusyBoxWgetOfItsAlpineBase() {
        assertThat(dockerfile.last("HEALTHCHECK")).map(Dockerfile.Instruction::arguments).hasValueSatisfying(check -> {
            assertThat(check).contains("--start-period=").contains("CMD wget ");
            assertThat(check).contains("http://127.0.0.1:8080/health/ready");
            assertThat(check).doesNotContain("curl");
        });
    }

    @Test
    void imageCapsTheHeap() {
        assertThat(dockerfile.all("ENV")).extracting(Dockerfile.Instruction::arguments)
                .anySatisfy(env -> assertThat(env).containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-Xmx512m"));
    }

    @Test
    void imageBakesInNoCredential() {
        for (String keyword : List.of("ENV", "ARG", "LABEL")) {
            for (Dockerfile.Instruction instruction : dockerfile.all(keyword)) {
                for (String assignment : instruction.arguments().split("\\s+(?=[A-Za-z_][A-Za-z0-9_.]*=)")) {
                    String name = assignment.split("=", 2)[0];
                    assertThat(SECRET_NAME.matcher(name).matches())
                            .as("%s %s in the Dockerfile would bake a credential into every layer", keyword, name)
                            .isFalse();
                }
            }
        }
        assertThat(dockerfile.all("COPY")).extracting(Dockerfile.Instruction::arguments)
                .noneMatch(source -> source.contains(".p12") || source.contains("secrets") || source.contains(".env"));
    }

    @Test
    void buildContextCarriesOnlyTheBundle() throws IOException {
        List<String> rules = Files.readAllLines(DOCKER.resolve("Dockerfile.dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(rules).containsExactly("*", "!routes/target/routes-*-microbundle.jar");
    }

    @Test
    void clusterRunsTwoGatewayInstancesFromTheDockerfileOnTheDatabaseService() {
        List<String> gateways = gatewayServices();

        assertThat(gateways).hasSize(2);
        assertThat(compose.service("db").get("image")).asString().startsWith("postgres:17");
        for (String gateway : gateways) {
            assertThat(compose.environment(gateway).get("GATEWAY_DB_URL"))
                    .as("%s must use the compose database service", gateway)
                    .startsWith("jdbc:postgresql://db:5432/");
            Map<String, Object> dependsOn = ComposeFile.map(compose.service(gateway).get("depends_on"));
            assertThat(ComposeFile.map(dependsOn.get("db"))).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void databaseKeepsItsDataInANamedVolume() {
        assertThat(ComposeFile.list(compose.service("db").get("volumes"))).contains("pgdata:/var/lib/postgresql/data");
        assertThat(compose.topLevel("volumes")).containsKey("pgdata");
    }

    @Test
    void everyServiceHasAHealthCheckFromComposeOrItsDockerfile() {
        assertThat(dockerfile.all("HEALTHCHECK")).isNotEmpty();
        compose.services().keySet().forEach(service -> assertThat(
                compose.service(service).containsKey("healthcheck") || compose.builtFrom(service).equals("docker/Dockerfile"))
                .as("service %s has no health check", service)
                .isTrue());
    }

    @Test
    void credentialsEnterOnlyByReferenceToTheUncommittedEnvFile() throws IOException {
        for (String service : compose.services().keySet()) {
            compose.environment(service).forEach((name, value) -> {
                if (SECRET_NAME.matcher(name).matches()) {
                    assertThat(value).as("%s of service %s must be a ${VAR} reference to docker/.env, not a value", name, service)
                            .matches(REFERENCE_ONLY);
                }
            });
        }
        Map<String, Object> keystore = ComposeFile.map(compose.topLevel("secrets").get("gateway_signing_keystore"));
        assertThat(keystore.get("file")).asString().startsWith("./secrets/");
        assertThat(Files.readAllLines(DOCKER.resolve(".gitignore"))).contains(".env", "secrets/");
    }

    @Test
    void envExampleNamesEveryVariableTheComposeFileRequires() throws IOException {
        Properties example = new Properties();
        try (var reader = Files.newBufferedReader(DOCKER.resolve(".env.example"))) {
            example.load(reader);
        }
        Matcher required = REQUIRED_VARIABLE.matcher(Files.readString(DOCKER.resolve("compose.yaml")));
        Set<String> names = required.results().map(match -> match.group(1)).collect(Collectors.toSet());

        assertThat(names).contains("GATEWAY_DB_PASSWORD", "GATEWAY_SIGNING_PASSWORD");
        assertThat(example.stringPropertyNames()).containsAll(names);
        names.forEach(name -> assertThat(example.getProperty(name)).as(name).isEqualTo("change-me"));
    }

    @Test
    void loadBalancerSpreadsRequestsOverBothInstancesAndForwardsTheOriginalRequest() throws IOException {
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        Matcher upstream = Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)}").matcher(nginx);
        assertThat(upstream.find()).as("nginx.conf declares an upstream").isTrue();
        List<String> servers = Pattern.compile("(?m)^\\s*server\\s+(\\S+?)[\\s;]").matcher(upstream.group(2))
                .results().map(match -> match.group(1)).toList();

        assertThat(servers).containsExactlyInAnyOrderElementsOf(
                gatewayServices().stream().map(gateway -> gateway + ":8080").toList());
        assertThat(nginx).contains("proxy_pass http://" + upstream.group(1) + ";")
                .contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
                .contains("proxy_set_header X-Forwarded-Proto $scheme;")
                .contains("proxy_set_header X-Forwarded-Host $http_host;")
                .as("nginx's own port inside the container is not the one a partner signed").doesNotContain("proxy_set_header X-Forwarded-Port");
        String name = upstream.group(1);
        assertThat(upstream.find()).as("one upstream: console sessions are in PostgreSQL, so no request needs a given instance").isFalse();
        assertThat(nginx).as("the console's events are not held in nginx's buffer")
                .contains("location = /api/v1/console/events {\n            proxy_pass http://" + name + ";\n            proxy_buffering off;");
        assertThat(Pattern.compile("(?m)^\\s*proxy_next_upstream\\s[^;]*;").matcher(nginx).results().map(MatchResult::group))
                .as("a POST must never be replayed on the other instance")
                .isNotEmpty()
                .noneMatch(directive -> directive.contains("non_idempotent"));
        assertThat(ComposeFile.list(compose.service("lb").get("volumes"))).contains("./nginx.conf:/etc/nginx/nginx.conf:ro");
        gatewayServices().forEach(gateway ->
                assertThat(compose.environment(gateway)).containsEntry("GATEWAY_HTTP_TRUST_FORWARDED", "true"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nsf", "ukri", "dfg", "nwo"})
    void eachPartnerSimulatorRunsThePinnedWireMockWithItsOwnStubs(String partner) {
        Map<String, Object> simulator = compose.service("partner-" + partner);

        assertThat(simulator.get("image")).isEqualTo("wiremock/wiremock:" + pom.property("wiremock.version"));
        assertThat(ComposeFile.list(simulator.get("volumes")))
                .containsExactly("./partners/" + partner + "/mappings:/home/wiremock/mappings:ro");
        assertThat(compose.services().keySet().stream().filter(name -> name.startsWith("partner-")))
                .containsExactlyInAnyOrderElementsOf(PARTNERS.stream().map(name -> "partner-" + name).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nsf", "ukri", "dfg", "nwo"})
    void partnerSimulatorAnswersAnInboxPostWithAReceipt(String partner) throws Exception {
        WireMockServer simulator = new WireMockServer(wireMockConfig().dynamicPort()
                .usingFilesUnderDirectory(DOCKER.resolve("partners").resolve(partner).toString()));
        simulator.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/" + partner + "/jointcall/inbox"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"messageId\":\"m-1\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode receipt = new ObjectMapper().readTree(response.body());
            assertThat(receipt.path("agency").asText()).isEqualTo(partner.toUpperCase(Locale.ROOT));
            assertThat(receipt.path("status").asText()).isEqualTo("RECEIVED");
            assertThat(receipt.path("receiptId").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        } finally {
            simulator.stop();
        }
    }

    @Test
    void composeCliAcceptsTheFileAndRefusesToRunWithoutTheDatabasePassword(@TempDir Path temp) throws IOException {
        Optional<ComposeCli> cli = ComposeCli.find();
        assumeTrue(cli.isPresent(), "no compose CLI ('docker compose' or 'docker-compose') on this machine");

        ComposeCli.Result valid = cli.get().config(DOCKER.resolve("compose.yaml"), DOCKER.resolve(".env.example"));
        assertThat(valid.exitCode()).as("%s config said:%n%s", cli.get(), valid.output()).isZero();

        Path withoutPassword = temp.resolve("incomplete.env");
        Files.write(withoutPassword, Files.readAllLines(DOCKER.resolve(".env.example")).stream()
                .filter(line -> !line.startsWith("GATEWAY_DB_PASSWORD=")).toList());
        ComposeCli.Result refused = cli.get().config(DOCKER.resolve("compose.yaml"), withoutPassword);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("GATEWAY_DB_PASSWORD");
    }

    private static List<String> gatewayServices() {
        return compose.services().keySet().stream()
                .filter(service -> compose.builtFrom(service).equals("docker/Dockerfile"))
                .sorted()
                .toList();
    }
}
