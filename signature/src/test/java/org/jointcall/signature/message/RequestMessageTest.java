package org.jointcall.signature.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class RequestMessageTest {

    private static RequestMessage get(String uri) {
        return RequestMessage.of("GET", URI.create(uri), HttpFields.empty());
    }

    @Test
    void authorityIsLowerCasedAndDropsTheDefaultPort() {
        assertThat(get("https://WWW.Example.COM:443/x").authority()).isEqualTo("www.example.com");
        assertThat(get("http://example.com:80/x").authority()).isEqualTo("example.com");
        assertThat(get("https://example.com:8443/x").authority()).isEqualTo("example.com:8443");
        assertThat(get("http://[2001:db8::1]:8080/").authority()).isEqualTo("[2001:db8::1]:8080");
    }

    @Test
    void emptyPathBecomesSlashAndQueryStaysEncoded() {
        RequestMessage request = get("HTTPS://example.com?a=b%20c");

        assertThat(request.scheme()).isEqualTo("https");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.query()).contains("a=b%20c");
        assertThat(request.requestTarget()).isEqualTo("/?a=b%20c");
    }

    @Test
    void absentAndEmptyQueryAreDistinguished() {
        assertThat(get("https://example.com/p").query()).isEmpty();
        assertThat(get("https://example.com/p?").query()).contains("");
    }

    @Test
    void bodyIsCopiedInAndOut() {
        byte[] body = {1, 2, 3};
        RequestMessage request = RequestMessage.of("POST", URI.create("https://example.com/"), HttpFields.empty(), body);
        body[0] = 9;
        request.body()[1] = 9;

        assertThat(request.body()).containsExactly(1, 2, 3);
    }

    @Test
    void relativeOrUserInfoTargetsAreRefused() {
        assertThatThrownBy(() -> get("/relative")).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> get("https://user@example.com/")).hasMessageContaining("user info");
        assertThatThrownBy(() -> get("https://example.com/#frag")).hasMessageContaining("fragment");
    }

    @Test
    void methodMustBeAToken() {
        assertThatThrownBy(() -> RequestMessage.of("GE T", URI.create("https://example.com/"), HttpFields.empty()))
                .hasMessageContaining("'GE T'");
    }

    @Test
    void responseStatusMustBeAnHttpStatus() {
        assertThatThrownBy(() -> ResponseMessage.of(99, HttpFields.empty(), new byte[0])).hasMessageContaining("status 99");
        ResponseMessage response = ResponseMessage.of(202, HttpFields.empty(), new byte[0]);
        assertThat(response.request()).isEmpty();
        assertThat(response.answering(get("https://example.com/")).request()).isPresent();
    }
}
