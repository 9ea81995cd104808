package org.jointcall.contracts.validation;

import java.util.Objects;

/**
 * One observation of a call-rule check, shown to coordinators: which rule, how serious, which field
 * and what is wrong. Unlike a {@link ContractViolation} it does not stop anything; the coordinator
 * decides.
 *
 * @param ruleId a stable id such as {@code ASPIRE-INDIRECT-RATE}, for filtering and for the documentation
 * @param severity ERROR when the call documents forbid it, WARNING when it needs a human look
 * @param field the field concerned, as a path such as {@code proposalPart[JST].budget.requestedIndirect}
 * @param message what is wrong and what the rule expects
 */
public record Finding(String ruleId, Severity severity, String field, String message) {

    /** How serious a finding is. */
    public enum Severity {
        ERROR,
        WARNING
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return severity + " " + ruleId + " " + field + ": " + message;
    }
}
