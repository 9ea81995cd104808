package org.jointcall.contracts.aspire;

import java.math.BigDecimal;
import java.util.Optional;
import org.jointcall.contracts.v1.AspireScheme;

/**
 * The JST budget limits of each ASPIRE scheme, from the call documents: direct costs, direct plus
 * indirect (30 %), and the longest project period where the documents set one. Kept in one place so a new round's figures are one
 * edit.
 */
enum SchemeLimits {
    TOP("380000000", "500000000", 5),
    RISING("69000000", "90000000", 3),
    /** The joint UK bio call; the gateway knows no period limit of its own for it, so none is checked. */
    UK_BIO("180000000", "234000000", null);

    private final BigDecimal maxDirectJpy;
    private final BigDecimal maxTotalJpy;
    private final Integer maxYears;

    SchemeLimits(String maxDirectJpy, String maxTotalJpy, Integer maxYears) {
        this.maxDirectJpy = new BigDecimal(maxDirectJpy);
        this.maxTotalJpy = new BigDecimal(maxTotalJpy);
        this.maxYears = maxYears;
    }

    static Optional<SchemeLimits> of(AspireScheme scheme) {
        return Optional.ofNullable(scheme).map(s -> valueOf(s.name()));
    }

    BigDecimal maxDirectJpy() {
        return maxDirectJpy;
    }

    BigDecimal maxTotalJpy() {
        return maxTotalJpy;
    }

    Optional<Integer> maxYears() {
        return Optional.ofNullable(maxYears);
    }
}
