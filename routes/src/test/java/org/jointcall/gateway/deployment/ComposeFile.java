package org.jointcall.gateway.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker/compose.yaml as compose itself sees it: YAML anchors and merge keys resolved (the two
 * gateway instances share one definition), environment given as a map or as a list normalised to a
 * map. Read with SnakeYAML's safe constructor, which builds only plain maps, lists and scalars.
 */
final class ComposeFile {

    private final Map<String, Object> document;

    private ComposeFile(Map<String, Object> document) {
        this.document = document;
    }

    static ComposeFile read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (document == null || !(document.get("services") instanceof Map)) {
                throw new IllegalArgumentException(file + ": a compose file needs a top-level 'services' map");
            }
            return new ComposeFile(document);
        }
    }

    Map<String, Object> services() {
        return map(document.get("services"));
    }

    Map<String, Object> service(String name) {
        Object service = services().get(name);
        if (service == null) {
            throw new IllegalArgumentException("compose.yaml has no service '" + name + "'; it has " + services().keySet());
        }
        return map(service);
    }

    Map<String, Object> topLevel(String section) {
        return map(document.getOrDefault(section, Map.of()));
    }

    /** The service's environment as name → value; a list entry without '=' maps to an empty value. */
    Map<String, String> environment(String serviceName) {
        Object environment = service(serviceName).getOrDefault("environment", Map.of());
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> variables.put(String.valueOf(name), value == null ? "" : String.valueOf(value)));
        } else {
            for (Object entry : (List<?>) environment) {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return variables;
    }

    /** The Dockerfile a service is built from, relative to the build context, or "" for an image-only service. */
    String builtFrom(String serviceName) {
        Object build = service(serviceName).get("build");
        if (build == null) {
            return "";
        }
        return build instanceof Map<?, ?> spec ? String.valueOf(spec.get("dockerfile")) : "Dockerfile";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }
}
