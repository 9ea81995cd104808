/**
 * Joint calls in PostgreSQL: each call's canonical definition as configured, read back as the
 * checked CallTerms that the joint-call rules and the deadline sweep use.
 */
package org.jointcall.gateway.call;
