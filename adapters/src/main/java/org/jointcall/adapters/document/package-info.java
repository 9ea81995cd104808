/**
 * Native documents as the agencies send them: strict UTF-8, XML parsed with DTDs and external entities
 * disabled, every inbound document validated against the agency's own XSD or JSON Schema before a single
 * field is mapped. A {@link org.jointcall.adapters.document.NativeNode} is the format-neutral view of a
 * parsed JSON object or XML element that the field mappings read and write through
 * {@link org.jointcall.adapters.document.NativePath}s, remembering where each value came from.
 */
package org.jointcall.adapters.document;
