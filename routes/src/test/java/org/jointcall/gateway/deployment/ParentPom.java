package org.jointcall.gateway.deployment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.jointcall.contracts.binding.SecureXml;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The version properties of the parent pom. The images in docker/ must run the Payara and WireMock
 * versions the build pins and the tests exercise; reading them from the pom makes a version bump
 * that forgets docker/ fail a test instead of shipping an image with another runtime.
 */
final class ParentPom {

    private final Map<String, String> properties;

    private ParentPom(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    static ParentPom read(Path pom) throws IOException {
        Map<String, String> properties = new HashMap<>();
        try {
            SecureXml.saxParserFactory().newSAXParser().parse(pom.toFile(), new DefaultHandler() {
                private final StringBuilder path = new StringBuilder();
                private final StringBuilder text = new StringBuilder();

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    path.append('/').append(localName);
                    text.setLength(0);
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    text.append(ch, start, length);
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    if (path.toString().equals("/project/properties/" + localName)) {
                        properties.put(localName, text.toString().strip());
                    }
                    path.setLength(path.lastIndexOf("/"));
                }
            });
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(pom + ": not a readable Maven pom", e);
        }
        return new ParentPom(properties);
    }

    String property(String name) {
        String value = properties.get(name);
        if (value == null) {
            throw new IllegalStateException("parent pom defines no <" + name + "> property; it has " + properties.keySet());
        }
        return value;
    }
}
