/**
 * Value types for the identifiers and amounts every canonical message carries: agencies, ORCID iDs,
 * ROR ids, e-Rad numbers, agencies' own proposal ids and money. Each validates on construction and
 * fails with a {@link org.jointcall.contracts.validation.ContractViolation} naming the field and the
 * reason, so a wrong value is stopped at the border instead of deep inside the joint-call rules.
 */
package org.jointcall.contracts.identifier;
