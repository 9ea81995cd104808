package org.jointcall.adapters.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jointcall.adapters.mapped.MappedAgencies;
import org.jointcall.adapters.nsf.NsfAdapter;
import org.junit.jupiter.api.Test;

class AdapterRegistryTest {

    @Test
    void javaAdaptersAreFoundThroughServiceLoaderAndConfiguredOnesAdded() {
        ClassLoader loader = getClass().getClassLoader();

        AdapterRegistry registry = AdapterRegistry.discover(loader).with(MappedAgencies.onClassPath(loader));

        assertThat(registry.agencies()).containsExactly("DFG", "JST", "NSERC", "NSF", "NWO", "RCF", "UKRI");
        assertThat(registry.require("JST").mediaTypes()).containsExactly("application/xml");
    }

    @Test
    void twoAdaptersForOneAgencyAreAConfigurationError() {
        assertThatThrownBy(() -> AdapterRegistry.of(List.of(new NsfAdapter(), new NsfAdapter())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two adapters for agency NSF");
    }

    @Test
    void askingForAnAgencyWithoutAdapterListsTheOnesThatHaveOne() {
        AdapterRegistry registry = AdapterRegistry.of(List.of(new NsfAdapter()));

        assertThat(registry.find("ANR")).isEmpty();
        assertThatThrownBy(() -> registry.require("ANR")).hasMessage("no adapter for agency ANR; adapters exist for [NSF]");
    }
}
