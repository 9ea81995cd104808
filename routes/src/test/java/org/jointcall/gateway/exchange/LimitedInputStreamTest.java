package org.jointcall.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    void aBodyWithinTheLimitPassesWhole() throws IOException {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);

        assertThat(in.readAllBytes()).hasSize(100);
        assertThat(in.exceeded()).isFalse();
    }

    @Test
    void aLargerBodyIsCutAtTheLimitAndOnlyOneMoreByteIsRead() throws IOException {
        ByteArrayInputStream source = new ByteArrayInputStream(new byte[10_000]);
        LimitedInputStream in = new LimitedInputStream(source, 100);

        assertThat(in.readAllBytes()).hasSize(100);
        assertThat(in.exceeded()).isTrue();
        assertThat(source.available()).as("bytes never read").isEqualTo(10_000 - 101);
    }
}
