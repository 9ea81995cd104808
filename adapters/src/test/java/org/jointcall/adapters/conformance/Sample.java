package org.jointcall.adapters.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.contracts.v1.MessageKind;

/** One checked-in native sample message of one agency, with the adapter that reads it. */
record Sample(AgencyAdapter adapter, MessageKind kind, String resource) {

    byte[] bytes() {
        try (InputStream in = Sample.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sample " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isXml() {
        return resource.endsWith(".xml");
    }

    @Override
    public String toString() {
        return adapter.agency() + " " + kind;
    }
}
