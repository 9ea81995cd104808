package org.jointcall.gateway.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongPassphraseIsAccepted() {
        assertThat(PasswordPolicy.problemWith("coordinator", "correct horse battery staple")).isEmpty();
        assertThat(PasswordPolicy.problemWith("tanaka", "共同研究の合言葉は長いほうが良い")).as("counted in characters, not bytes").isEmpty();
    }

    @Test
    void shortMissingOrOverlongPasswordsAreRefusedSayingWhy() {
        assertThat(PasswordPolicy.problemWith("tanaka", "short-pw")).contains("the password has 8 characters; at least 12 are required");
        assertThat(PasswordPolicy.problemWith("tanaka", null)).contains("a password is required");
        assertThat(PasswordPolicy.problemWith("tanaka", "x".repeat(257))).hasValueSatisfying(p -> assertThat(p).contains("at most 256"));
    }

    @Test
    void thePasswordMustNotContainTheUserName() {
        assertThat(PasswordPolicy.problemWith("tanaka", "my-name-is-TANAKA-ok")).contains("the password must not contain the user name");
    }
}
