package org.jointcall.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayDatabaseTest {

    /** The URL goes into the log and the unauthenticated health answer: a password written into it must not. */
    @Test
    void aPasswordInTheJdbcUrlIsMaskedWhereverTheUrlIsShown() {
        assertThat(GatewayDatabase.shown("jdbc:postgresql://db:5432/gateway?user=gw&password=s3cr%26t!&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/gateway?user=gw&password=***&ssl=true");
        assertThat(GatewayDatabase.shown("jdbc:postgresql://db/gateway?PASSWORD=x")).isEqualTo("jdbc:postgresql://db/gateway?PASSWORD=***");
        assertThat(GatewayDatabase.shown("jdbc:postgresql://db/gateway?sslpassword=kept")).as("another parameter")
                .isEqualTo("jdbc:postgresql://db/gateway?sslpassword=kept");
    }
}
