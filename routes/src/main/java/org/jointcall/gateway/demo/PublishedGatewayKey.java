package org.jointcall.gateway.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import org.jointcall.gateway.agency.GatewayIdentity;
import org.jointcall.signature.keys.FileKeyRegistry;
import org.jointcall.signature.keys.KeyRegistry;

/**
 * The gateway's public key as a partner learns it: from the key set the gateway publishes at
 * {@code GET /api/v1/exchange/keys}. Fetched when first needed (the demo's partners start before the
 * gateway answers) and kept; until a fetch succeeds, each call tries again and fails with the reason.
 */
final class PublishedGatewayKey implements Supplier<KeyRegistry> {

    private final URI keySet;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KeyRegistry keys;

    PublishedGatewayKey(URI gateway) {
        this.keySet = gateway.resolve("/api/v1/exchange/keys");
    }

    @Override
    public synchronized KeyRegistry get() {
        if (keys == null) {
            keys = KeyRegistry.of(FileKeyRegistry.readKeyFile(GatewayIdentity.OWNER, "gateway.jwks", fetch(),
                    keySet.toString()));
        }
        return keys;
    }

    private byte[] fetch() {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(keySet).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + keySet + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + keySet + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + keySet, e);
        }
    }
}
