package org.jointcall.gateway.info;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

import org.jointcall.gateway.info.GatewayInfo.LibraryInUse;

/**
 * Reads the versions for {@link GatewayInfo} from the classes really loaded, not from the POM, so
 * the answer proves which copy of a library the class loader chose.
 */
@ApplicationScoped
public class GatewayInfoSource {

    private static final String BUILD_FACTS = "build.properties";

    public GatewayInfo describe(String camelVersion) {
        return new GatewayInfo(
                gatewayVersion(),
                camelVersion,
                Runtime.version().toString(),
                inUse(ObjectMapper.class),
                inUse(JAXBContext.class),
                inUse(jaxbRuntimeClass()));
    }

    /** This build's version, from the build facts Maven wrote next to this class. */
    public String gatewayVersion() {
        try (InputStream in = GatewayInfoSource.class.getResourceAsStream(BUILD_FACTS)) {
            if (in == null) {
                throw new IllegalStateException(BUILD_FACTS + " is missing next to " + GatewayInfoSource.class.getName());
            }
            Properties facts = new Properties();
            facts.load(in);
            return facts.getProperty("gateway.version");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + BUILD_FACTS, e);
        }
    }

    /** The class of the JAXB implementation that {@code JAXBContext.newInstance} picks here. */
    private static Class<?> jaxbRuntimeClass() {
        try {
            return JAXBContext.newInstance().getClass();
        } catch (JAXBException e) {
            throw new IllegalStateException("No JAXB implementation is usable: " + e.getMessage(), e);
        }
    }

    private static LibraryInUse inUse(Class<?> type) {
        // The jar's Implementation-Version, without the commit hash some jars append ("4.0.6 - 0dcfdf5").
        String version = Optional.ofNullable(type.getPackage().getImplementationVersion())
                .map(value -> value.split(" ")[0])
                .orElse("unknown (" + type.getName() + ")");
        boolean fromApplication = type.getClassLoader() == GatewayInfoSource.class.getClassLoader();
        return new LibraryInUse(version, fromApplication ? LibraryInUse.APPLICATION : LibraryInUse.SERVER);
    }
}
