package org.jointcall.gateway.agency;

import java.util.List;

/**
 * A configuration document (an {@code agency.json}, a joint call definition, a key file) that cannot
 * be used, with everything found wrong in it, so that whoever wrote it fixes it in one go. The same
 * exception stops a start from files and refuses an admin API request (400, nothing written).
 */
public class ConfigurationRejected extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> problems;

    public ConfigurationRejected(String source, List<String> problems) {
        this(source, problems, null);
    }

    public ConfigurationRejected(String source, List<String> problems, Throwable cause) {
        super(source + ": " + String.join("; ", problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejected configuration says what is wrong with " + source);
        }
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file or document refused. */
    public String source() {
        return source;
    }

    /** Each thing wrong, a sentence each. */
    public List<String> problems() {
        return problems;
    }
}
