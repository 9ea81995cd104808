/**
 * Alerts: conditions an operator has to act on, kept in the {@code alert} table until resolved so
 * the console can list them. The first kind is the expiry of a partner key or of the gateway's own
 * signing key, checked by a timer route against the signature module's expiry report.
 */
package org.jointcall.gateway.alert;
