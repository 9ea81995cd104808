package org.jointcall.adapters.mapped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.jointcall.adapters.spi.AgencyAdapter;

/**
 * Finds the mapping files on the class path: every {@code META-INF/jointcall/agency-mappings} resource
 * lists mapping-file resources, one per line. A jar (or a configuration directory on the class path)
 * adds agencies by shipping a mapping file, its schema and that list; no Java is involved.
 */
public final class MappedAgencies {

    public static final String INDEX = "META-INF/jointcall/agency-mappings";

    private MappedAgencies() {
    }

    public static List<AgencyAdapter> onClassPath(ClassLoader loader) {
        List<AgencyAdapter> adapters = new ArrayList<>();
        try {
            for (Enumeration<URL> indexes = loader.getResources(INDEX); indexes.hasMoreElements(); ) {
                URL index = indexes.nextElement();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String resource = line.strip();
                        if (resource.isEmpty() || resource.startsWith("#")) {
                            continue;
                        }
                        URL mapping = loader.getResource(resource);
                        if (mapping == null) {
                            throw new IllegalStateException(index + " lists " + resource + ", which is not on the class path");
                        }
                        adapters.add(MappingFile.adapter(mapping));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return adapters;
    }
}
