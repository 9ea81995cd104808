/**
 * Turns canonical messages into XML and JSON and back: {@link org.jointcall.contracts.binding.CanonicalCodec}
 * with the adapters that bind the schema to java.time and boxed types, and {@link org.jointcall.contracts.binding.SecureXml},
 * the only source of XML parsers. The classes it binds are generated from the XSD into
 * {@code org.jointcall.contracts.v1} and never edited by hand.
 */
package org.jointcall.contracts.binding;
