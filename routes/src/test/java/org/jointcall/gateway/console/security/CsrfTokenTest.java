package org.jointcall.gateway.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CsrfTokenTest {

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = CsrfToken.generate();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void onlyTheSessionsOwnTokenMatches() {
        String token = CsrfToken.generate();
        assertThat(CsrfToken.matches(token, token)).isTrue();
        assertThat(CsrfToken.matches(token, CsrfToken.generate())).isFalse();
        assertThat(CsrfToken.matches(token, null)).isFalse();
        assertThat(CsrfToken.matches(token, "")).isFalse();
        assertThat(CsrfToken.matches(null, null)).as("a session without a token accepts nothing").isFalse();
    }

    @Test
    void everyMethodButReadsNeedsTheToken() {
        assertThat(CsrfToken.needed("GET")).isFalse();
        assertThat(CsrfToken.needed("HEAD")).isFalse();
        assertThat(CsrfToken.needed("OPTIONS")).isFalse();
        for (String method : Set.of("POST", "PUT", "PATCH", "DELETE")) {
            assertThat(CsrfToken.needed(method)).as(method).isTrue();
        }
    }
}
