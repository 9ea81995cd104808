package org.jointcall.adapters.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds the adapter for an agency. Adapters come from two places: Java adapters announced through
 * {@link ServiceLoader} ({@code META-INF/services/org.jointcall.adapters.spi.AgencyAdapter}) and adapters
 * built from mapping files, added explicitly by whoever loaded those files. One adapter per agency: a
 * second registration for the same agency is a configuration error, not a silent override.
 */
public final class AdapterRegistry {

    private final Map<String, AgencyAdapter> byAgency;

    private AdapterRegistry(Map<String, AgencyAdapter> byAgency) {
        this.byAgency = Collections.unmodifiableMap(byAgency);
    }

    /** The Java adapters on the class path of {@code loader}. */
    public static AdapterRegistry discover(ClassLoader loader) {
        List<AgencyAdapter> adapters = new ArrayList<>();
        ServiceLoader.load(AgencyAdapter.class, loader).forEach(adapters::add);
        return of(adapters);
    }

    public static AdapterRegistry of(Collection<? extends AgencyAdapter> adapters) {
        Map<String, AgencyAdapter> byAgency = new TreeMap<>();
        for (AgencyAdapter adapter : adapters) {
            AgencyAdapter previous = byAgency.putIfAbsent(adapter.agency(), adapter);
            if (previous != null) {
                throw new IllegalStateException("two adapters for agency " + adapter.agency() + ": "
                        + previous.getClass().getName() + " and " + adapter.getClass().getName());
            }
        }
        return new AdapterRegistry(byAgency);
    }

    /** This registry plus {@code more} (for example adapters built from mapping files). */
    public AdapterRegistry with(Collection<? extends AgencyAdapter> more) {
        List<AgencyAdapter> all = new ArrayList<>(byAgency.values());
        all.addAll(more);
        return of(all);
    }

    public Optional<AgencyAdapter> find(String agency) {
        return Optional.ofNullable(byAgency.get(agency));
    }

    /** The adapter for {@code agency}, or an error listing the agencies that have one. */
    public AgencyAdapter require(String agency) {
        AgencyAdapter adapter = byAgency.get(agency);
        if (adapter == null) {
            throw new IllegalArgumentException("no adapter for agency " + agency + "; adapters exist for " + byAgency.keySet());
        }
        return adapter;
    }

    /** The agencies with an adapter, in alphabetical order. */
    public List<String> agencies() {
        return List.copyOf(byAgency.keySet());
    }
}
