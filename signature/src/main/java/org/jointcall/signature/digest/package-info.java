/**
 * RFC 9530 Digest Fields: creating and checking {@code Content-Digest} over the body bytes as
 * transmitted, and reading a peer's {@code Want-Content-Digest} preferences. A signature covers the
 * {@code Content-Digest} field, and this package ties that field to the body.
 */
package org.jointcall.signature.digest;
