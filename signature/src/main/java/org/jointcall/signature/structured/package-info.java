/**
 * RFC 8941 Structured Field Values as far as signatures need them: parsing a field's lines as a
 * dictionary, list or item and serialising them strictly. The grammar itself is Julian Reschke's
 * {@code org.greenbytes.http.sfv} parser; this package adds the field names, the table of fields whose
 * structured type is known, and error messages that say which field was wrong.
 */
package org.jointcall.signature.structured;
