package org.jointcall.adapters.mapped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jointcall.adapters.document.JsonFormat;
import org.jointcall.adapters.document.NativeFormat;
import org.jointcall.adapters.document.XmlFormat;
import org.jointcall.adapters.mapping.AgencyMapping;
import org.jointcall.adapters.mapping.Binding;
import org.jointcall.adapters.mapping.Bindings;
import org.jointcall.adapters.mapping.Codecs;
import org.jointcall.adapters.mapping.MappingAdapter;
import org.jointcall.adapters.mapping.MessageShape;
import org.jointcall.adapters.mapping.ValueCodec;
import org.jointcall.contracts.v1.MessageKind;

/**
 * Reads a mapping file into an {@link AgencyMapping}. Everything is checked while loading (paths compile,
 * tables exist, conversions are known, the schema loads), so a broken mapping fails when the gateway
 * starts, with the file and the field named, not when the agency's first message arrives.
 */
public final class MappingFile {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final URL source;
    private final Map<String, ValueCodec> tables = new LinkedHashMap<>();
    private Bindings bindings;
    private String agency;

    private MappingFile(URL source) {
        this.source = source;
    }

    /** An adapter for the agency the mapping file at {@code url} describes; its schema is resolved next to it. */
    public static MappingAdapter adapter(URL url) {
        return new MappingAdapter(new MappingFile(url).load());
    }

    private AgencyMapping load() {
        JsonNode root;
        try (InputStream in = source.openStream()) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw fail("the mapping file cannot be read: " + e.getMessage(), e);
        }
        agency = required(root, "agency").asText();
        NativeFormat format = format(root);
        bindings = new Bindings(format);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            Map<String, String> codes = new LinkedHashMap<>();
            table.getValue().fields().forEachRemaining(code -> codes.put(code.getKey(), code.getValue().asText()));
            tables.put(table.getKey(), Codecs.table(table.getKey(), codes));
        }
        List<Binding> envelope = fields(required(root, "envelope"), "envelope");
        List<MessageShape> shapes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = required(root, "messages").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> message = it.next();
            MessageKind kind;
            try {
                kind = MessageKind.fromValue(message.getKey());
            } catch (IllegalArgumentException e) {
                throw fail("messages." + message.getKey() + " is not a canonical message kind", e);
            }
            List<Binding> all = new ArrayList<>(envelope);
            all.addAll(fields(required(message.getValue(), "fields"), "messages." + message.getKey()));
            String announced = required(message.getValue(), format instanceof XmlFormat ? "root" : "type").asText();
            shapes.add(format instanceof XmlFormat ? MessageShape.xml(kind, announced, all) : MessageShape.json(kind, announced, all));
        }
        return new AgencyMapping(agency, format, format instanceof XmlFormat ? null : format.path(required(root, "typeField").asText()), shapes);
    }

    private NativeFormat format(JsonNode root) {
        String kind = required(root, "format").asText();
        URL schema;
        try {
            schema = new URL(source, required(root, "schema").asText());
        } catch (IOException e) {
            throw fail("schema: " + e.getMessage(), e);
        }
        String mediaType = root.path("mediaType").asText(kind.equals("xml") ? "application/xml" : "application/json");
        switch (kind) {
            case "json":
                try (InputStream in = schema.openStream()) {
                    return JsonFormat.withSchema(agency, mediaType, in);
                } catch (IOException e) {
                    throw fail("schema " + schema + " cannot be read: " + e.getMessage(), e);
                }
            case "xml":
                return XmlFormat.withSchema(agency, mediaType, schema);
            default:
                throw fail("format '" + kind + "' is not json or xml", null);
        }
    }

    private List<Binding> fields(JsonNode specs, String where) {
        List<Binding> fields = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String at = where + ".fields[" + i + "]";
            try {
                fields.add(field(specs.get(i), at));
            } catch (InvalidMappingException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw fail(at + ": " + e.getMessage(), e);
            }
        }
        return fields;
    }

    private Binding field(JsonNode spec, String at) {
        String canonical = spec.path("canonical").asText(null);
        String nativePath = spec.path("native").asText(null);
        if (spec.has("constant")) {
            return bindings.constant(canonical, spec.get("constant"));
        }
        if (spec.has("withheld")) {
            return bindings.withheld(nativePath, spec.get("withheld").asText());
        }
        if (nativePath == null || canonical == null) {
            throw new IllegalArgumentException("a field needs 'native' and 'canonical'");
        }
        if (spec.has("group")) {
            return bindings.group(nativePath, canonical, fields(spec.get("group"), at + ".group"));
        }
        if (spec.has("object")) {
            return bindings.object(nativePath, canonical, fields(spec.get("object"), at + ".object"));
        }
        ValueCodec codec = codec(spec);
        if (spec.path("derived").asBoolean(false)) {
            return bindings.derived(nativePath, canonical, codec);
        }
        if (spec.has("currency")) {
            return bindings.amount(nativePath, canonical, codec, spec.get("currency").asText());
        }
        if (spec.path("list").asBoolean(false)) {
            return bindings.list(nativePath, canonical, codec);
        }
        return bindings.field(nativePath, canonical, codec);
    }

    private ValueCodec codec(JsonNode spec) {
        if (spec.has("table")) {
            ValueCodec table = tables.get(spec.get("table").asText());
            if (table == null) {
                throw new IllegalArgumentException("table '" + spec.get("table").asText() + "' is not defined; tables are " + tables.keySet());
            }
            return table;
        }
        if (spec.has("date")) {
            return spec.has("zone") ? Codecs.dateAsTimestamp(spec.get("date").asText(), ZoneId.of(spec.get("zone").asText()))
                    : Codecs.date(spec.get("date").asText());
        }
        if (spec.has("pattern")) {
            return Codecs.matching(spec.get("pattern").asText(), spec.path("example").asText(spec.get("pattern").asText()));
        }
        if (spec.has("scale")) {
            return Codecs.scaled(new BigDecimal(spec.get("scale").asText()), spec.path("unit").asText("units"));
        }
        String name = spec.path("codec").asText("text");
        switch (name) {
            case "text": return Codecs.text();
            case "integer": return Codecs.integer();
            case "decimal": return Codecs.decimal();
            case "bool": return Codecs.bool();
            case "timestamp": return Codecs.timestamp();
            case "epochMillis": return Codecs.epochMillis();
            case "epochMillisDate": return Codecs.epochMillisDate();
            case "numberAsText": return Codecs.numberAsText();
            case "orcid": return Codecs.orcid();
            case "ror": return Codecs.ror();
            default: throw new IllegalArgumentException("codec '" + name + "' is unknown; known: text, integer, decimal, bool, timestamp,"
                    + " epochMillis, epochMillisDate, numberAsText, orcid, ror (or table, date, pattern, scale)");
        }
    }

    private JsonNode required(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw fail("'" + name + "' is required", null);
        }
        return value;
    }

    private InvalidMappingException fail(String problem, Exception cause) {
        return new InvalidMappingException("mapping file " + source + (agency == null ? "" : " (" + agency + ")") + ": " + problem, cause);
    }

    /** A mapping file that cannot be loaded; the message names the file, the agency and the field. */
    static final class InvalidMappingException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidMappingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
