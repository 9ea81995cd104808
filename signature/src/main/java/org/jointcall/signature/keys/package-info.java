/**
 * Who may sign for which agency: the registry of partner public keys with their validity windows
 * (loaded from JWKS and PEM/X.509 files and reloaded when those change), the gateway's own signing
 * key from a PKCS#12 keystore, and the report of keys that are about to expire. A database-backed
 * registry only needs to implement {@link org.jointcall.signature.keys.KeyRegistry}.
 */
package org.jointcall.signature.keys;
