/**
 * The gateway's signed-API profile {@code jointcall-v1} on top of RFC 9421 and RFC 9530: what a
 * partner request and a receipt must cover ({@link org.jointcall.signature.SignatureProfile}) and the
 * signer that produces such messages ({@link org.jointcall.signature.MessageSigner}). The verifier and
 * its policy live in {@code .verify}; the RFC machinery in the other sub-packages.
 */
package org.jointcall.signature;
