/**
 * Tests every adapter must pass, run against each agency's checked-in samples: round trips in both
 * directions, rejection of the malformed-input corpus with the right field and position, and acceptance
 * of the adapters' output by a WireMock stub that validates against the agency's own schema.
 */
package org.jointcall.adapters.conformance;
