/**
 * How the contracts module says "this is wrong": {@link org.jointcall.contracts.validation.ContractViolation}
 * names a field and a reason, and {@link org.jointcall.contracts.validation.CanonicalContentRules} checks
 * what the XSD cannot (check digits, currencies, agency id formats, which body goes with which kind).
 */
package org.jointcall.contracts.validation;
