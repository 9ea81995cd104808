/**
 * Reviews as agencies give them: each agency's own scale, kept verbatim, and checked against the
 * scales the gateway knows. Reviewer identities have no place here; they never leave the agency.
 */
package org.jointcall.contracts.review;
