/**
 * The HTTP signature algorithms of RFC 9421 §3.3 on Bouncy Castle's lightweight API, and the key types
 * that carry an algorithm with them. Each key checks on construction that it fits its algorithm, so
 * an RSA key can never be used as an HMAC secret or an Ed25519 key as ECDSA.
 */
package org.jointcall.signature.algorithm;
