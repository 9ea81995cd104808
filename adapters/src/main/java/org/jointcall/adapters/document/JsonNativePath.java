package org.jointcall.adapters.document;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A definite JSONPath ({@code $.proposal.team}, {@code $['budget']['direct']}, {@code $.orgs[0]}) parsed by
 * Jayway JsonPath, which is the authority on the syntax and does the reading. Writing walks the same
 * normalised steps, which is why only definite paths (no wildcards, filters or deep scans) are accepted.
 */
final class JsonNativePath implements NativePath {

    private static final Pattern STEP = Pattern.compile("\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+)\\]");

    private final String expression;
    private final JsonPath compiled;
    private final List<Object> steps;

    private JsonNativePath(String expression, JsonPath compiled, List<Object> steps) {
        this.expression = expression;
        this.compiled = compiled;
        this.steps = steps;
    }

    static JsonNativePath compile(String expression) {
        JsonPath compiled;
        try {
            compiled = JsonPath.compile(expression);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("JSONPath '" + expression + "' does not parse: " + e.getMessage(), e);
        }
        if (!compiled.isDefinite()) {
            throw new IllegalArgumentException("JSONPath '" + expression
                    + "' is not definite; mappings are bidirectional, so use plain steps such as $.budget.direct");
        }
        String normalised = compiled.getPath();
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(normalised);
        int end = 1;
        while (m.find()) {
            if (m.start() != end) {
                throw new IllegalArgumentException("JSONPath '" + expression + "' has a step that is not a property or index");
            }
            steps.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
            end = m.end();
        }
        if (!normalised.startsWith("$") || end != normalised.length() || steps.isEmpty()) {
            throw new IllegalArgumentException("JSONPath '" + expression + "' should be $ followed by property or index steps");
        }
        return new JsonNativePath(expression, compiled, List.copyOf(steps));
    }

    JsonPath compiled() {
        return compiled;
    }

    /** Property names (String) and array indexes (Integer), in order. */
    List<Object> steps() {
        return steps;
    }

    /** The JSON pointer suffix this path adds to the pointer of the node it is applied to. */
    String pointerSuffix() {
        StringBuilder pointer = new StringBuilder();
        for (Object step : steps) {
            pointer.append('/').append(step.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
