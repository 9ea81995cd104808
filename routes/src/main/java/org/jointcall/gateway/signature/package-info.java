/**
 * The signature module wired into HTTP and PostgreSQL: the gateway's signer for outbound requests
 * and receipts, the verifier of partners' receipts, the nonce store shared by every instance, the
 * reconstruction of the target URI a partner signed, and the security log of refused requests.
 */
package org.jointcall.gateway.signature;
