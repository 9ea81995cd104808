package org.jointcall.adapters.document;

/**
 * A compiled, definite location in a native document, relative to the node it is applied to: a JSONPath
 * such as {@code $.proposal.title} for JSON, an XPath such as {@code Antrag/Titel} or {@code @waehrung}
 * for XML. Definite because mappings are bidirectional: whatever is read from a path must also be
 * writable to it. Obtained from {@link NativeFormat#path(String)}.
 */
public interface NativePath {

    /** The expression as written in the mapping. */
    String expression();
}
