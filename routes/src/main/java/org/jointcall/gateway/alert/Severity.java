package org.jointcall.gateway.alert;

/** How urgently an alert needs an operator: {@code CRITICAL} when something already stopped working. */
public enum Severity {
    WARNING,
    CRITICAL
}
