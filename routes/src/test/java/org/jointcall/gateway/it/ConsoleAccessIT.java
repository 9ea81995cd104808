package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jointcall.gateway.console.security.SessionCookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what in the console, over real HTTP against the running gateway: every console API
 * endpoint called anonymously (401), and by each role (allowed, or 403 as the contract says); a
 * console page without a session (redirect to the login page); CSRF refused and accepted; bad logins;
 * the session cookie's flags, a fresh session id at login, and logout.
 */
class ConsoleAccessIT {

    private static final String COORDINATOR = "coordinator";
    private static final String ADMINISTRATOR = "administrator";
    private static final String AUDITOR = "auditor";
    private static final Set<String> EVERYONE = Set.of(COORDINATOR, ADMINISTRATOR, AUDITOR);
    private static final Set<String> ACTORS = Set.of(COORDINATOR, ADMINISTRATOR);
    private static final String PASSWORD = "a-long-enough-password";
    private static final String NO_PROPOSAL = "/proposals/00000000-0000-0000-0000-000000000000";

    /** One endpoint: how to call it and which roles may. */
    record Endpoint(String method, String path, String body, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("DELETE", "/session", null, EVERYONE),
            new Endpoint("GET", "/calls", null, EVERYONE),
            new Endpoint("GET", "/calls/ASPIRE-2026-QUAD/matrix?limit=5", null, EVERYONE),
            new Endpoint("GET", NO_PROPOSAL, null, EVERYONE),
            new Endpoint("POST", NO_PROPOSAL + "/annotations", "{\"text\":\"note\"}", ACTORS),
            new Endpoint("POST", NO_PROPOSAL + "/tracks/NSF/deadline", "{\"deadline\":\"2099-01-01T00:00:00Z\",\"comment\":\"why\"}",
                    ACTORS),
            new Endpoint("PUT", NO_PROPOSAL + "/research-security", "{\"status\":\"CLEARED\",\"comment\":\"why\"}", ACTORS),
            new Endpoint("POST", NO_PROPOSAL + "/reopen", "{\"comment\":\"why\"}", Set.of(ADMINISTRATOR)),
            new Endpoint("GET", "/messages/in/1", null, EVERYONE),
            new Endpoint("GET", "/messages/out/1", null, EVERYONE),
            new Endpoint("GET", "/exchange-log?limit=5", null, EVERYONE),
            new Endpoint("GET", "/exchange-log.csv", null, EVERYONE),
            new Endpoint("GET", "/dead-letters", null, EVERYONE),
            new Endpoint("POST", "/dead-letters/987654321/resend", "", ACTORS),
            new Endpoint("POST", "/dead-letters/987654321/resolve", "{\"comment\":\"handled by phone\"}", ACTORS),
            new Endpoint("GET", "/alerts", null, EVERYONE),
            new Endpoint("GET", "/discrepancies?open=true", null, EVERYONE),
            new Endpoint("POST", "/discrepancies/987654321/resolve", "{\"comment\":\"checked with the agency\"}", ACTORS),
            new Endpoint("GET", "/events", null, EVERYONE),
            new Endpoint("GET", "/audit", null, Set.of(AUDITOR, ADMINISTRATOR)),
            new Endpoint("GET", "/admin/users", null, Set.of(ADMINISTRATOR)),
            new Endpoint("POST", "/admin/users", "{\"username\":\"x\",\"password\":\"short\",\"roles\":[]}", Set.of(ADMINISTRATOR)),
            new Endpoint("PUT", "/admin/users/nobody", "{\"roles\":[\"auditor\"]}", Set.of(ADMINISTRATOR)));

    @TempDir
    static Path root;
    private static final long LOCKOUT_SECONDS = 5;
    private static JointCallGateway setup;
    private static ConsoleClient admin;

    @BeforeAll
    static void gatewayWithOneUserPerRole() {
        // Short login locks, so that one expires within the test.
        setup = JointCallGateway.start("console-access", root, Map.of("gateway.console.lockout-seconds", Long.toString(LOCKOUT_SECONDS)));
        admin = ConsoleClient.signIn(setup.gateway(), "admin", JointCallGateway.ADMIN_PASSWORD);
        admin.createUser("coord", PASSWORD, COORDINATOR);
        admin.createUser("audit", PASSWORD, AUDITOR);
        admin.createUser("boss", PASSWORD, ADMINISTRATOR);
    }

    @AfterAll
    static void stop() {
        setup.close();
    }

    @TestFactory
    Stream<DynamicTest> anonymousCallersAreAskedToSignInEverywhere() {
        ConsoleClient anonymous = ConsoleClient.anonymous(setup.gateway());
        return ENDPOINTS.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            Answer answer = call(anonymous, endpoint);
            assertThat(answer.status()).as("%s anonymously: %s", endpoint, answer.body()).isEqualTo(401);
            assertThat(answer.body()).contains("https://jointcall.org/problems/authentication-required");
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachRoleIsAllowedExactlyWhatTheContractSays() {
        Map<String, String> users = Map.of(COORDINATOR, "coord", ADMINISTRATOR, "boss", AUDITOR, "audit");
        List<DynamicTest> tests = new ArrayList<>();
        for (String role : List.of(COORDINATOR, ADMINISTRATOR, AUDITOR)) {
            ConsoleClient session = ConsoleClient.signIn(setup.gateway(), users.get(role), PASSWORD);
            for (Endpoint endpoint : ENDPOINTS) {
                boolean allowed = endpoint.roles().contains(role);
                tests.add(DynamicTest.dynamicTest(role + " " + endpoint + (allowed ? " allowed" : " forbidden"), () -> {
                    // Signing out ends a session: that call gets a session of its own.
                    ConsoleClient client = endpoint.path().equals("/session")
                            ? ConsoleClient.signIn(setup.gateway(), users.get(role), PASSWORD) : session;
                    Answer answer = call(client, endpoint);
                    if (allowed) {
                        assertThat(answer.status()).as("%s as %s: %s", endpoint, role, answer.body()).isNotIn(401, 403);
                    } else {
                        assertThat(answer.status()).as("%s as %s: %s", endpoint, role, answer.body()).isEqualTo(403);
                        assertThat(answer.body()).contains("https://jointcall.org/problems/role-forbidden");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void basicAuthenticationServesScriptsWithoutCsrfAndRefusesWrongPasswords() {
        assertThat(ConsoleClient.basic(setup.gateway(), "coord", PASSWORD).post("/dead-letters/987654321/resend", "").statusCode())
                .as("a coordinator's script resending: past authentication and CSRF, to the unknown id").isEqualTo(404);
        HttpResponse<String> wrong = ConsoleClient.basic(setup.gateway(), "coord", "not-" + PASSWORD).get("/calls");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(ConsoleClient.basic(setup.gateway(), "audit", PASSWORD).post("/dead-letters/987654321/resend", "").statusCode())
                .as("an auditor cannot POST").isEqualTo(403);
    }

    @Test
    void aStateChangingRequestWithTheSessionCookieNeedsTheCsrfToken() {
        String user = "{\"username\":\"csrf-victim\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"auditor\"]}";
        HttpResponse<String> forged = admin.postWithoutCsrf("/admin/users", user);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Json.body(forged).path("type").asText()).isEqualTo("https://jointcall.org/problems/csrf-token-missing");
        assertThat(admin.get("/admin/users").body()).doesNotContain("csrf-victim");

        assertThat(admin.post("/admin/users", user).statusCode()).isEqualTo(201);
        assertThat(admin.get("/admin/users").body()).contains("csrf-victim");
    }

    @Test
    void aBadLoginIsRefusedAlikeForUnknownUsersAndWrongPasswords() {
        ConsoleClient anonymous = ConsoleClient.anonymous(setup.gateway());
        HttpResponse<String> wrongPassword = anonymous.post("/session", ConsoleClient.credentials("coord", "wrong-" + PASSWORD));
        HttpResponse<String> unknownUser = anonymous.post("/session", ConsoleClient.credentials("nobody-here", PASSWORD));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(Json.body(wrongPassword).path("type").asText()).isEqualTo("https://jointcall.org/problems/login-failed");
        assertThat(Json.body(wrongPassword).path("detail")).isEqualTo(Json.body(unknownUser).path("detail"));
        assertThat(wrongPassword.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(anonymous.get("/session").statusCode()).isEqualTo(401);
    }

    @Test
    void fiveFailedLoginsLockTheUserNameForAWhileWhateverThePasswordAndTheWayOfSigningIn() throws Exception {
        admin.createUser("guessed", PASSWORD, AUDITOR);
        ConsoleClient anonymous = ConsoleClient.anonymous(setup.gateway());
        // Each name is checked right after its own five failures: a lock runs from the fifth, and failed logins are slow
        // (the password hash is computed even for unknown names), so checks made later could find it already expired.
        failFiveTimes(anonymous, "guessed");
        HttpResponse<String> locked = anonymous.post("/session", ConsoleClient.credentials("guessed", PASSWORD));
        assertThat(locked.statusCode()).as("even the right password: " + locked.body()).isEqualTo(429);
        assertThat(Json.body(locked).path("type").asText()).isEqualTo("https://jointcall.org/problems/login-locked");
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, LOCKOUT_SECONDS + 1);
        assertThat(Json.body(locked).path("retryAfter").asText()).isEqualTo(Long.toString(retryAfter));
        assertThat(ConsoleClient.basic(setup.gateway(), "guessed", PASSWORD).get("/calls").statusCode()).as("Basic too").isEqualTo(429);
        ConsoleClient.signIn(setup.gateway(), "audit", PASSWORD);

        failFiveTimes(anonymous, "nobody-guessed");
        HttpResponse<String> unknown = anonymous.post("/session", ConsoleClient.credentials("nobody-guessed", PASSWORD));
        assertThat(unknown.statusCode()).as("a name nobody has locks alike").isEqualTo(429);

        Thread.sleep(retryAfter * 1000 + 500);
        ConsoleClient.signIn(setup.gateway(), "guessed", PASSWORD);
        assertThat(anonymous.post("/session", ConsoleClient.credentials("guessed", "guess-6")).statusCode())
                .as("the sign-in forgot the failures before it").isEqualTo(401);
    }

    private static void failFiveTimes(ConsoleClient anonymous, String name) {
        for (int i = 1; i <= 5; i++) {
            assertThat(anonymous.post("/session", ConsoleClient.credentials(name, "guess-" + i)).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theSessionCookieIsHttpOnlySecureAndSameSiteStrict() {
        String cookie = ConsoleClient.signIn(setup.gateway(), "coord", PASSWORD).signInAnswer().headers()
                .firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(SessionCookie.NAME + "=").contains("; Path=/").contains("; HttpOnly").contains("; Secure")
                .contains("; SameSite=Strict").doesNotContainIgnoringCase("Max-Age").doesNotContainIgnoringCase("Expires");
        assertThat(ConsoleClient.signIn(setup.gateway(), "coord", PASSWORD).get("/calls").headers().allValues("Set-Cookie"))
                .as("no servlet session besides").isEmpty();
    }

    @Test
    void signingInGivesANewSessionIdAndSigningOutEndsTheSession() {
        ConsoleClient first = ConsoleClient.signIn(setup.gateway(), "coord", PASSWORD);
        assertThat(first.getJson("/session").path("username").asText()).isEqualTo("coord");
        assertThat(first.getJson("/session").path("csrfToken").asText()).isEqualTo(first.csrfToken());

        HttpResponse<String> signOut = first.delete("/session");
        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.headers().firstValue("Set-Cookie")).as("the browser forgets the token")
                .hasValueSatisfying(cleared -> assertThat(cleared).startsWith(SessionCookie.NAME + "=;").contains("Max-Age=0"));
        assertThat(first.get("/calls").statusCode()).isEqualTo(401);
        assertThat(first.get("/session").statusCode()).isEqualTo(401);

        ConsoleClient again = ConsoleClient.signIn(setup.gateway(), "coord", PASSWORD);
        assertThat(again.signInAnswer().headers().firstValue("Set-Cookie").orElseThrow())
                .isNotEqualTo(first.signInAnswer().headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(again.csrfToken()).isNotEqualTo(first.csrfToken());
    }

    @Test
    void aSignInFromABrowserThatHadASessionEndsThatSession() {
        ConsoleClient before = ConsoleClient.signIn(setup.gateway(), "coord", PASSWORD);

        ConsoleClient after = before.signInAgain("audit", PASSWORD);

        assertThat(before.get("/calls").statusCode()).as("the token known before the sign-in").isEqualTo(401);
        assertThat(after.getJson("/session").path("username").asText()).isEqualTo("audit");
    }

    @Test
    void aChangeOfRolesAppliesAtTheNextRequestAndANewPasswordEndsTheUsersSessions() {
        admin.createUser("changing", PASSWORD, AUDITOR);
        ConsoleClient user = ConsoleClient.signIn(setup.gateway(), "changing", PASSWORD);
        ConsoleClient elsewhere = ConsoleClient.signIn(setup.gateway(), "changing", PASSWORD);
        assertThat(user.post("/dead-letters/987654321/resend", "").statusCode()).as("an auditor").isEqualTo(403);

        assertThat(admin.put("/admin/users/changing", "{\"roles\":[\"coordinator\"]}").statusCode()).isEqualTo(204);
        assertThat(user.post("/dead-letters/987654321/resend", "").statusCode()).as("a coordinator now: to the unknown id")
                .isEqualTo(404);
        assertThat(user.getJson("/session").path("roles").toString()).isEqualTo("[\"coordinator\"]");

        assertThat(admin.put("/admin/users/changing", "{\"password\":\"another-" + PASSWORD + "\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> ended = user.get("/calls");
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ended.headers().allValues("Set-Cookie")).as("the ended session's cookie is cleared")
                .singleElement().asString().startsWith(SessionCookie.NAME + "=;").contains("Max-Age=0");
        assertThat(elsewhere.get("/calls").statusCode()).isEqualTo(401);
        assertThat(admin.get("/calls").statusCode()).as("the administrator's own session goes on").isEqualTo(200);
        assertThat(admin.getJson("/audit?limit=5").toString()).contains("password changed, 2 session(s) ended");
    }

    @Test
    void consolePagesRedirectToTheLoginPageUntilSignedIn() {
        HttpResponse<String> page = ConsoleClient.anonymous(setup.gateway()).get("/console/index.html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/login.html");
        assertThat(ConsoleClient.anonymous(setup.gateway()).get("/console/login.html").statusCode()).isNotEqualTo(302);
        ConsoleClient coordinator = ConsoleClient.signIn(setup.gateway(), "coord", PASSWORD);
        HttpResponse<String> signedIn = coordinator.get("/console/index.html");
        assertThat(signedIn.statusCode()).isNotEqualTo(302);

        // What a signed-in user saw is not kept for Back after signing out; the scripts, the same for all, may be.
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(coordinator.get("/calls").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(coordinator.get("/console/js/app.js").headers().firstValue("Cache-Control")).isNotEqualTo(Optional.of("no-store"));
    }

    private record Answer(int status, String body) {
    }

    private static Answer call(ConsoleClient client, Endpoint endpoint) throws Exception {
        if (endpoint.path().equals("/events")) {
            // An allowed subscription never ends: read the status, then hang up.
            HttpResponse<InputStream> stream = client.stream(endpoint.path());
            try (InputStream body = stream.body()) {
                String text = stream.statusCode() == 200 ? "" : new String(body.readAllBytes());
                return new Answer(stream.statusCode(), text);
            }
        }
        HttpResponse<String> answer = client.send(endpoint.method(), endpoint.path(), Optional.ofNullable(endpoint.body()));
        return new Answer(answer.statusCode(), answer.body());
    }
}
