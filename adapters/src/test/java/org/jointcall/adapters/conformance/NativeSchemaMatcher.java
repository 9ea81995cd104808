package org.jointcall.adapters.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * A WireMock request matcher playing the partner agency's endpoint: it accepts a posted body only if it
 * is valid against that agency's own native schema. It validates independently of the adapters' code
 * (its own JSON Schema and XSD validators), so the contract test cannot pass by sharing a bug with them.
 */
final class NativeSchemaMatcher extends RequestMatcherExtension {

    static final String NAME = "native-schema";

    private final Map<String, Object> schemas = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public MatchResult match(Request request, Parameters parameters) {
        String schema = parameters.getString("schema");
        try {
            if (schema.endsWith(".xsd")) {
                Schema xsd = (Schema) schemas.computeIfAbsent(schema, NativeSchemaMatcher::loadXsd);
                SAXParserFactory parsers = SAXParserFactory.newInstance();
                parsers.setNamespaceAware(true);
                parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                XMLReader reader = parsers.newSAXParser().getXMLReader();
                xsd.newValidator().validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(request.getBody()))));
                return MatchResult.exactMatch();
            }
            JsonSchema json = (JsonSchema) schemas.computeIfAbsent(schema, NativeSchemaMatcher::loadJsonSchema);
            return MatchResult.of(json.validate(new ObjectMapper().readTree(request.getBody())).isEmpty());
        } catch (Exception invalid) {
            return MatchResult.noMatch();
        }
    }

    private static Schema loadXsd(String resource) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(resource(resource));
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static JsonSchema loadJsonSchema(String resource) {
        try (InputStream in = resource(resource).openStream()) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static URL resource(String name) {
        URL url = NativeSchemaMatcher.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("schema " + name + " is not on the class path");
        }
        return url;
    }
}
