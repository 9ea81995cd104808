package org.jointcall.gateway.info;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayInfoSourceTest {

    private final GatewayInfoSource source = new GatewayInfoSource();

    @Test
    void reportsTheBuildVersionAndTheLibraryVersionsActuallyLoaded() {
        GatewayInfo info = source.describe("4.17.0");

        assertThat(info.gatewayVersion()).isEqualTo(System.getProperty("expected.gateway.version", "1.0.0"));
        assertThat(info.javaVersion()).isEqualTo(Runtime.version().toString());
        assertThat(info.jackson().version())
                .isEqualTo(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertThat(info.jaxbRuntime().version()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void onAFlatClassPathEveryLibraryCountsAsLoadedByTheApplication() {
        GatewayInfo info = source.describe("4.17.0");

        assertThat(info.jackson().loadedBy()).isEqualTo(GatewayInfo.LibraryInUse.APPLICATION);
        assertThat(info.jaxbRuntime().loadedBy()).isEqualTo(GatewayInfo.LibraryInUse.APPLICATION);
    }
}
