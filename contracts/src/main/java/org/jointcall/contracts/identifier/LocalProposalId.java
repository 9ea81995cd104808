package org.jointcall.contracts.identifier;

import java.util.Objects;

/**
 * A proposal id in one agency's own system (NSF {@code 2412345}, UKRI {@code EP/T022159/1}, …). Only
 * meaningful together with its agency, so the two travel together; the format was checked by
 * {@link LocalProposalIdFormats} when the value was made.
 */
public final class LocalProposalId {

    private final AgencyId agency;
    private final String value;

    LocalProposalId(AgencyId agency, String value) {
        this.agency = Objects.requireNonNull(agency, "agency");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Checks the format against the formats of the agencies the gateway knows out of the box. */
    public static LocalProposalId of(AgencyId agency, String value) {
        return LocalProposalIdFormats.known().check(agency, value);
    }

    public AgencyId agency() {
        return agency;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalProposalId
                && ((LocalProposalId) other).agency.equals(agency)
                && ((LocalProposalId) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agency, value);
    }

    @Override
    public String toString() {
        return agency + ":" + value;
    }
}
