/**
 * Verification under a policy: which components a signature must cover, how old it may be, which
 * nonces were already seen, which key may speak for which agency. The outcome is either a
 * {@link org.jointcall.signature.verify.Verdict} to keep as evidence or a
 * {@link org.jointcall.signature.verify.SignatureRejectedException} whose
 * {@link org.jointcall.signature.verify.ProblemKind} becomes the RFC 9457 problem type.
 */
package org.jointcall.signature.verify;
