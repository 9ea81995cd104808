package org.jointcall.contracts.validation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The findings of a rule check, in the order the rules ran; empty when everything is in order. */
public record ValidationReport(List<Finding> findings) {

    public ValidationReport {
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
    }

    /** No ERROR finding (warnings may remain). */
    public boolean isAcceptable() {
        return errors().isEmpty();
    }

    public List<Finding> errors() {
        return bySeverity(Finding.Severity.ERROR);
    }

    public List<Finding> warnings() {
        return bySeverity(Finding.Severity.WARNING);
    }

    private List<Finding> bySeverity(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).collect(Collectors.toUnmodifiableList());
    }

    /** The findings of one rule, e.g. to show next to the field it concerns. */
    public List<Finding> of(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).collect(Collectors.toUnmodifiableList());
    }
}
