/**
 * How the contracts module says "this is wrong". A {@link org.jointcall.contracts.validation.ContractViolation}
 * refuses a value or message, naming the field and the reason; {@link org.jointcall.contracts.validation.CanonicalContentRules}
 * checks what the XSD cannot (check digits, currencies, agency id formats, which body goes with which kind).
 * A {@link org.jointcall.contracts.validation.ValidationReport} of {@link org.jointcall.contracts.validation.Finding}s
 * refuses nothing: it tells coordinators what call rules an application breaks.
 */
package org.jointcall.contracts.validation;
