package org.jointcall.contracts.binding;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way the gateway makes XML parsers: DTDs refused outright (no XXE, no billion laughs), no
 * external entity, DTD or schema is ever fetched, and the JDK's secure-processing limits are on.
 * Adapters parsing agencies' native XML should take their parsers from here too.
 */
public final class SecureXml {

    private static final ErrorHandler FAILING_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // Warnings (e.g. unresolvable optional hints) do not make a message invalid.
        }

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    };

    private SecureXml() {
    }

    /** Turns warnings into nothing and every error into a failure at the spot where it was found. Stateless, shared. */
    public static ErrorHandler failingOnError() {
        return FAILING_ON_ERROR;
    }

    /** A namespace-aware SAX parser factory that refuses any DOCTYPE. Not thread-safe: make one per use. */
    public static SAXParserFactory saxParserFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setValidating(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser does not support the XXE protections", e);
        }
        return factory;
    }

    /** A schema factory that loads the given schema but never fetches anything it refers to. */
    public static SchemaFactory schemaFactory() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's schema factory does not support the XXE protections", e);
        }
        return factory;
    }

    /**
     * Until closed, the current thread looks classes up through the system class loader. The JDK's Xerces finds
     * its datatype factory through the thread's context class loader whenever a validator starts a document;
     * inside Payara that is the web application's loader, whose {@code loadClass} is synchronized, so concurrent
     * requests queued there (bench/ found threads blocked on it most of the time under load). The system class
     * loader finds the JDK's own classes without that lock. Use it around parsing and validating:
     * {@code try (SecureXml.JdkLookups ignored = SecureXml.jdkLookups()) { … }}.
     */
    public static JdkLookups jdkLookups() {
        return new JdkLookups(Thread.currentThread());
    }

    /** The thread's own context class loader, given back on {@link #close()}. */
    public static final class JdkLookups implements AutoCloseable {
        private final Thread thread;
        private final ClassLoader context;

        private JdkLookups(Thread thread) {
            this.thread = thread;
            this.context = thread.getContextClassLoader();
            thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        }

        @Override
        public void close() {
            thread.setContextClassLoader(context);
        }
    }
}
