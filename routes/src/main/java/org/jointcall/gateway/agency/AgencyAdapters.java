package org.jointcall.gateway.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jointcall.adapters.mapped.MappedAgencies;
import org.jointcall.adapters.spi.AdapterRegistry;

/**
 * The one {@link AdapterRegistry} of the gateway: the Java adapters announced through
 * {@code ServiceLoader} plus the adapters built from mapping files on the class path. Inbound
 * translation and outbound delivery use the same registry, so an agency reads and writes one format.
 */
@ApplicationScoped
public class AgencyAdapters {

    /** {@code @Singleton}: the registry is an immutable final class, so it is shared without a proxy. */
    @Produces
    @Singleton
    public AdapterRegistry registry() {
        ClassLoader loader = AgencyAdapters.class.getClassLoader();
        return AdapterRegistry.discover(loader).with(MappedAgencies.onClassPath(loader));
    }
}
