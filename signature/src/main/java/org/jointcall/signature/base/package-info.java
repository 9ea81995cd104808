/**
 * RFC 9421 §2: component identifiers, the derived components of requests and responses, the signature
 * parameters, and the signature base built from them. Also the codec for the {@code Signature-Input}
 * and {@code Signature} fields that carry signatures by label. Nothing here knows keys or policy: the
 * same base is built by the signer and the verifier.
 */
package org.jointcall.signature.base;
