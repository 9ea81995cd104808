package org.jointcall.adapters.document;

/**
 * One agency's wire format: how its bytes are checked and parsed, how a document is started and
 * serialised, and how its paths are written. Implementations are immutable and thread-safe.
 */
public interface NativeFormat {

    /** The media type of the bytes, e.g. {@code application/json}. */
    String mediaType();

    /**
     * Checks the bytes (UTF-8, well-formed, no DTD, valid against the agency's schema) and parses them.
     *
     * @throws org.jointcall.adapters.spi.TranslationException naming the field and position of the first problem
     */
    ParsedDocument parse(byte[] bytes);

    /** A new empty document whose root is named {@code rootName} (ignored for JSON). */
    NativeNode newDocument(String rootName);

    /**
     * Serialises a document built with {@link #newDocument} and validates the result against the
     * agency's schema, so that nothing invalid ever leaves the adapter.
     */
    byte[] serialize(NativeNode document);

    /** Compiles a path of this format's syntax; fails at load time, not at translation time. */
    NativePath path(String expression);
}
