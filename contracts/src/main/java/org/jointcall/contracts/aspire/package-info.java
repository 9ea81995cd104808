/**
 * The ASPIRE programme's call rules (budget caps by scheme, indirect-cost rate, network and
 * young-researcher spending, dispatch and invitation plans, partner PIs, one application per
 * researcher per fiscal year), checked into a report for JST coordinators rather than enforced.
 */
package org.jointcall.contracts.aspire;
