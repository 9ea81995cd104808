package org.jointcall.adapters.document;

import java.util.Objects;

/**
 * A validated native document and the name of its root (the XML root element; empty for JSON), which is
 * how XML formats say which kind of message they carry.
 */
public record ParsedDocument(String rootName, NativeNode root) {

    public ParsedDocument {
        Objects.requireNonNull(rootName, "rootName");
        Objects.requireNonNull(root, "root");
    }
}
