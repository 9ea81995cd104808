/**
 * Agencies' funding decisions and what each outcome (approved, partial, declined, reserve,
 * deferred, withdrawn, returned, ineligible) means for the agency's track.
 */
package org.jointcall.contracts.decision;
