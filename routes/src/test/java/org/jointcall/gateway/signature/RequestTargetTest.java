package org.jointcall.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequestTargetTest {

    private static final List<String> NO_X_FORWARDED = Arrays.asList(null, null, null);

    @Test
    void withoutProxyTheHostHeaderAndServletSchemeMakeTheTarget() {
        URI target = RequestTarget.of("http", "localhost:8080", "127.0.0.1", 8080, "/api/v1/exchange/nsf/messages", "a=b%20c",
                Optional.empty(), NO_X_FORWARDED);

        assertThat(target).isEqualTo(URI.create("http://localhost:8080/api/v1/exchange/nsf/messages?a=b%20c"));
    }

    @Test
    void theForwardedHeaderOfTheFirstProxyGivesSchemeAndHost() {
        URI target = RequestTarget.of("http", "gateway-1:8080", "gateway-1", 8080, "/api/v1/exchange/nsf/messages", null,
                Optional.of("for=192.0.2.60;proto=https;host=\"gateway.example\", for=10.0.0.1;proto=http;host=lb"),
                NO_X_FORWARDED);

        assertThat(target).isEqualTo(URI.create("https://gateway.example/api/v1/exchange/nsf/messages"));
    }

    @Test
    void xForwardedHeadersApplyWhenThereIsNoForwardedHeader() {
        URI target = RequestTarget.of("http", "gateway-1:8080", "gateway-1", 8080, "/p", null, Optional.empty(),
                Arrays.asList("https", "gateway.example, lb.internal", "8443"));

        assertThat(target).isEqualTo(URI.create("https://gateway.example:8443/p"));
    }

    @Test
    void withoutAHostHeaderTheServerNameAndPortAreUsed() {
        assertThat(RequestTarget.of("http", null, "10.1.2.3", 9000, "/p", null, Optional.empty(), NO_X_FORWARDED))
                .isEqualTo(URI.create("http://10.1.2.3:9000/p"));
    }
}
