package org.jointcall.gateway.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void aBasicHeaderGivesUserNameAndPasswordWhichMayContainColons() {
        String header = "Basic " + Base64.getEncoder().encodeToString("coord:pass:with:colons".getBytes(StandardCharsets.UTF_8));
        assertThat(ConsoleAuthentication.basic(header)).hasValueSatisfying(credential -> {
            assertThat(credential.getCaller()).isEqualTo("coord");
            assertThat(credential.getPasswordAsString()).isEqualTo("pass:with:colons");
        });
        assertThat(ConsoleAuthentication.basic(header.replace("Basic", "basic"))).isPresent();
    }

    @Test
    void otherSchemesAndMalformedHeadersGiveNothing() {
        assertThat(ConsoleAuthentication.basic(null)).isEmpty();
        assertThat(ConsoleAuthentication.basic("Bearer abc")).isEmpty();
        assertThat(ConsoleAuthentication.basic("Basic !!!")).isEmpty();
        assertThat(ConsoleAuthentication.basic("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThat(ConsoleAuthentication.basic("Basic " + Base64.getEncoder().encodeToString(":nouser".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
    }
}
