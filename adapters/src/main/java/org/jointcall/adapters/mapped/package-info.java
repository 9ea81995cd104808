/**
 * Adapters built from a declarative mapping file instead of Java, so that a further agency (NSERC,
 * Research Council of Finland, NRF, ANR…) joins with configuration and samples. A mapping file names the
 * agency's schema, its code tables, and one line per field: a JSONPath or XPath, a canonical JSON pointer
 * and a conversion. The format is described in {@code mapping-file-format.md} next to the shipped mappings.
 */
package org.jointcall.adapters.mapped;
