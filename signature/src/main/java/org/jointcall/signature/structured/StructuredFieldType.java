package org.jointcall.signature.structured;

/** The three top-level types of RFC 8941 §3. */
public enum StructuredFieldType {
    ITEM,
    LIST,
    DICTIONARY
}
