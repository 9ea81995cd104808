package org.jointcall.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A console user's HTTP client for {@code /api/v1/console}: signed in with a session (the cookie is
 * sent by hand — java.net's CookieManager would withhold a Secure cookie over plain http — and the
 * CSRF token added to state-changing requests), with an {@code Authorization: Basic} header, or anonymous.
 */
public final class ConsoleClient {

    public static final String API = "/api/v1/console";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayProcess gateway;
    private final String cookie;
    private final String csrfToken;
    private final String authorization;
    private final HttpResponse<String> signIn;

    private ConsoleClient(GatewayProcess gateway, String cookie, String csrfToken, String authorization, HttpResponse<String> signIn) {
        this.gateway = gateway;
        this.cookie = cookie;
        this.csrfToken = csrfToken;
        this.authorization = authorization;
        this.signIn = signIn;
    }

    public static ConsoleClient anonymous(GatewayProcess gateway) {
        return new ConsoleClient(gateway, null, null, null, null);
    }

    /** Signs in with POST /session; fails unless the gateway answers 200 with a session cookie. */
    public static ConsoleClient signIn(GatewayProcess gateway, String username, String password) {
        return signIn(anonymous(gateway), username, password);
    }

    /** Signs in again from the browser that holds this client's cookie (which the login then sends along). */
    public ConsoleClient signInAgain(String username, String password) {
        return signIn(this, username, password);
    }

    /** The same browser (cookie and CSRF token) talking to {@code other}, another instance behind the load balancer. */
    public ConsoleClient on(GatewayProcess other) {
        return new ConsoleClient(other, cookie, csrfToken, authorization, signIn);
    }

    private static ConsoleClient signIn(ConsoleClient browser, String username, String password) {
        GatewayProcess gateway = browser.gateway;
        HttpResponse<String> answer = browser.post("/session", credentials(username, password));
        assertThat(answer.statusCode()).as("sign-in of %s: %s", username, answer.body()).isEqualTo(200);
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no session cookie"));
        return new ConsoleClient(gateway, setCookie.substring(0, setCookie.indexOf(';')), Json.body(answer).path("csrfToken").asText(),
                null, answer);
    }

    public static ConsoleClient basic(GatewayProcess gateway, String username, String password) {
        return new ConsoleClient(gateway, null, null, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)), null);
    }

    public static String credentials(String username, String password) {
        return JSON.createObjectNode().put("username", username).put("password", password).toString();
    }

    /** As administrator: creates a user with {@code roles}. */
    public void createUser(String username, String password, String... roles) {
        var body = JSON.createObjectNode().put("username", username).put("password", password);
        body.putArray("roles").addAll(List.of(roles).stream().map(JSON.getNodeFactory()::textNode).toList());
        HttpResponse<String> answer = post("/admin/users", body.toString());
        assertThat(answer.statusCode()).as("creating %s: %s", username, answer.body()).isEqualTo(201);
    }

    /** The answer to the sign-in that made this client (its headers carry the cookie flags). */
    public HttpResponse<String> signInAnswer() {
        return signIn;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> answer = get(path);
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return Json.body(answer);
    }

    public HttpResponse<InputStream> stream(String path) {
        try {
            return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the event stream (asserting a 200) and reads it in the background, heartbeats and events alike; the future
     * completes when the gateway closes the stream.
     */
    public CompletableFuture<Void> eventsUntilClosed() {
        HttpResponse<InputStream> stream = stream("/events");
        assertThat(stream.statusCode()).as("the event stream opens").isEqualTo(200);
        return CompletableFuture.runAsync(() -> {
            try (InputStream events = stream.body()) {
                events.transferTo(OutputStream.nullOutputStream());
            } catch (IOException closed) {
                // Closed: what is waited for.
            }
        });
    }

    public HttpResponse<String> post(String path, String json) {
        return send(withCsrf(request(path)).POST(body(json)).header("Content-Type", "application/json"));
    }

    /** A POST carrying the session cookie but not the CSRF token, as a forged cross-site request would. */
    public HttpResponse<String> postWithoutCsrf(String path, String json) {
        return send(request(path).POST(body(json)).header("Content-Type", "application/json"));
    }

    public HttpResponse<String> put(String path, String json) {
        return put(path, json, "application/json");
    }

    /** A PUT of a document of another type (a call definition's XML, a PEM key file). */
    public HttpResponse<String> put(String path, String document, String contentType) {
        return send(withCsrf(request(path)).PUT(body(document)).header("Content-Type", contentType));
    }

    public HttpResponse<String> delete(String path) {
        return send(withCsrf(request(path)).DELETE());
    }

    /** Sends {@code method} to {@code path} as this client, with the CSRF token when it has one. */
    public HttpResponse<String> send(String method, String path, Optional<String> json) {
        HttpRequest.Builder request = withCsrf(request(path)).method(method, json.map(ConsoleClient::body)
                .orElse(HttpRequest.BodyPublishers.noBody()));
        json.ifPresent(body -> request.header("Content-Type", "application/json"));
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path.startsWith("/console") ? path : API + path))
                .timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return request;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
