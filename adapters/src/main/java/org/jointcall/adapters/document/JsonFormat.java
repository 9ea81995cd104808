package org.jointcall.adapters.document;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Set;
import org.jointcall.adapters.spi.SourcePosition;
import org.jointcall.adapters.spi.TranslationException;

/**
 * A JSON agency format guarded by its JSON Schema (draft 2020-12, format assertions on). Duplicate keys
 * and trailing content are rejected: either could hide a second, different value of a field.
 */
public final class JsonFormat implements NativeFormat {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final String agency;
    private final String mediaType;
    private final JsonSchema schema;

    private JsonFormat(String agency, String mediaType, JsonSchema schema) {
        this.agency = agency;
        this.mediaType = mediaType;
        this.schema = schema;
    }

    /** Loads the JSON Schema from a classpath resource of {@code anchor}'s class loader. */
    public static JsonFormat withSchema(String agency, String mediaType, Class<?> anchor, String schemaResource) {
        try (InputStream in = anchor.getResourceAsStream(schemaResource)) {
            if (in == null) {
                throw new IllegalStateException(agency + " JSON Schema " + schemaResource + " is not on the classpath of " + anchor.getName());
            }
            return withSchema(agency, mediaType, in);
        } catch (IOException e) {
            throw new UncheckedIOException(agency + " JSON Schema " + schemaResource + " could not be read", e);
        }
    }

    public static JsonFormat withSchema(String agency, String mediaType, InputStream schemaJson) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson, config);
        schema.initializeValidators();
        return new JsonFormat(Objects.requireNonNull(agency), Objects.requireNonNull(mediaType), schema);
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    @Override
    public ParsedDocument parse(byte[] bytes) {
        String text = StrictUtf8.decode(agency, bytes);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SourcePosition position = at == null || at.getLineNr() < 1
                    ? SourcePosition.jsonPointer("") : SourcePosition.lineColumn(at.getLineNr(), at.getColumnNr());
            throw new TranslationException(agency, "document", position, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new TranslationException(agency, "document", SourcePosition.jsonPointer(""),
                    "a message must be one JSON object, found " + (tree == null ? "nothing" : tree.getNodeType()));
        }
        validate(tree);
        return new ParsedDocument("", new JsonNativeNode(agency, tree, ""));
    }

    private void validate(JsonNode tree) {
        Set<ValidationMessage> errors = schema.validate(tree);
        if (errors.isEmpty()) {
            return;
        }
        ValidationMessage first = errors.iterator().next();
        String pointer = first.getInstanceLocation().toString();
        String field = first.getProperty() != null ? pointer + "/" + first.getProperty() : pointer;
        throw new TranslationException(agency, field.isEmpty() ? "document" : field, SourcePosition.jsonPointer(pointer),
                "does not match the " + agency + " JSON Schema: " + first.getMessage()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
    }

    @Override
    public NativeNode newDocument(String rootName) {
        return new JsonNativeNode(agency, MAPPER.createObjectNode(), "");
    }

    @Override
    public byte[] serialize(NativeNode document) {
        ObjectNode tree = ((JsonNativeNode) document).object();
        validate(tree);
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Jackson tree always serialises", e);
        }
    }

    @Override
    public NativePath path(String expression) {
        return JsonNativePath.compile(expression);
    }
}
