package org.jointcall.signature.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormUrlEncodingTest {

    @Test
    void decodesPlusAndPercentSequencesAsUtf8() {
        assertThat(FormUrlEncoding.decode("with+plus+whitespace")).isEqualTo("with plus whitespace");
        assertThat(FormUrlEncoding.decode("fa%C3%A7ade%22%3A%20")).isEqualTo("fa\u00e7ade\": ");
    }

    @Test
    void leavesBrokenPercentSequencesLiteral() {
        assertThat(FormUrlEncoding.decode("100%")).isEqualTo("100%");
        assertThat(FormUrlEncoding.decode("%zz%4")).isEqualTo("%zz%4");
    }

    @Test
    void encodesEverythingButAlphanumericsAndStarDashDotUnderscore() {
        assertThat(FormUrlEncoding.encode("a-Z.0_*")).isEqualTo("a-Z.0_*");
        assertThat(FormUrlEncoding.encode("this is a big\nvalue")).isEqualTo("this%20is%20a%20big%0Avalue");
        assertThat(FormUrlEncoding.encode("~!'()+/")).isEqualTo("%7E%21%27%28%29%2B%2F");
        assertThat(FormUrlEncoding.encode("fa\u00e7ade")).isEqualTo("fa%C3%A7ade");
    }
}
