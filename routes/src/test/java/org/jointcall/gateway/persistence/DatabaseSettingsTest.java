package org.jointcall.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void noUrlMeansTheEmbeddedServerWithItsDataUnderTheWorkingDirectory() {
        DatabaseSettings settings = settings(Optional.empty(), 0, 10);

        assertThat(settings.embedded()).isTrue();
        assertThat(settings.embeddedDirectory()).isEqualTo(Path.of("data/postgres").toAbsolutePath());
    }

    @Test
    void aBlankUrlCountsAsNoUrl() {
        assertThat(settings(Optional.of("  "), 0, 10).embedded()).isTrue();
    }

    @Test
    void aConfiguredUrlMeansAnExternalDatabase() {
        DatabaseSettings settings = settings(Optional.of("jdbc:postgresql://db.example:5432/gateway"), 0, 10);

        assertThat(settings.embedded()).isFalse();
        assertThat(settings.url()).hasValue("jdbc:postgresql://db.example:5432/gateway");
    }

    @Test
    void anImpossiblePortIsRefusedNamingThePropertyAndTheRange() {
        assertThatThrownBy(() -> settings(Optional.empty(), 70000, 10))
                .hasMessage("gateway.db.embedded.port is 70000: it should be between 0 and 65535");
    }

    @Test
    void anEmptyPoolIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> settings(Optional.empty(), 0, 0))
                .hasMessage("gateway.db.pool.size is 0: it should be between 1 and 500");
    }

    private static DatabaseSettings settings(Optional<String> url, int port, int poolSize) {
        return new DatabaseSettings(url, "postgres", Optional.empty(), "data/postgres", port, poolSize);
    }
}
