/**
 * Joint calls as the rules see them: which agencies take part and with what veto, the deadlines
 * that make partner parts missing and tracks lapse, and the budget caps. Read from the canonical
 * call definition ({@code org.jointcall.contracts.v1.JointCall}).
 */
package org.jointcall.contracts.call;
