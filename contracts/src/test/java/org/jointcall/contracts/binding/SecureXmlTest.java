package org.jointcall.contracts.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;

import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;

import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

class SecureXmlTest {

    private static final Schema SCHEMA = new CanonicalCodec().schema();

    @Test
    void validationUnderJdkLookupsWorksAndGivesTheThreadItsApplicationClassLoaderBack() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        ClassLoader application = new URLClassLoader(new URL[0], before);
        thread.setContextClassLoader(application);
        byte[] valid = new CanonicalCodec().toXml(CanonicalSamples.jstProposalPart());
        byte[] invalid = new String(valid, StandardCharsets.UTF_8).replace("<kind>PROPOSAL_PART</kind>", "<kind>GOSSIP</kind>")
                .getBytes(StandardCharsets.UTF_8);
        try {
            try (SecureXml.JdkLookups ignored = SecureXml.jdkLookups()) {
                assertThat(thread.getContextClassLoader()).isSameAs(ClassLoader.getSystemClassLoader());
                validate(SCHEMA.newValidatorHandler(), valid);
                assertThatThrownBy(() -> validate(SCHEMA.newValidatorHandler(), invalid)).isInstanceOf(SAXParseException.class)
                        .hasMessageContaining("GOSSIP");
            }
            assertThat(thread.getContextClassLoader()).isSameAs(application);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static void validate(ValidatorHandler validator, byte[] xml) throws Exception {
        validator.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        XMLReader reader = SecureXml.saxParserFactory().newSAXParser().getXMLReader();
        reader.setContentHandler(validator);
        reader.parse(new InputSource(new ByteArrayInputStream(xml)));
    }
}
