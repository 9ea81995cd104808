package org.jointcall.contracts.identifier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.jointcall.contracts.validation.ContractViolation;

/**
 * An amount in one ISO 4217 currency. No money crosses borders in a joint call (each agency funds
 * its own researchers in its own currency), so amounts in different currencies are never added or
 * compared: trying to is a programming error. The amount never has more decimals than the
 * currency's minor unit (0 for JPY and KRW, 2 for USD, EUR, GBP); trailing zeros are accepted and
 * normalised, so 100.00 JPY equals 100 JPY.
 */
public final class Money implements Comparable<Money> {

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /**
     * @throws ContractViolation on field {@code currency} for a code that is not ISO 4217, or on field
     *     {@code amount} for a missing, negative or too precise amount
     */
    public static Money of(BigDecimal amount, String currencyCode) {
        return of(amount, currency(currencyCode));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        if (amount == null) {
            throw new ContractViolation("amount", "an amount in " + currency.getCurrencyCode() + " is required");
        }
        if (amount.signum() < 0) {
            throw new ContractViolation("amount", "amount " + amount.toPlainString() + " " + currency.getCurrencyCode()
                    + " is negative; amounts are 0 or more");
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new ContractViolation("amount", "amount " + amount.toPlainString() + " " + currency.getCurrencyCode()
                    + " has more than " + digits + " decimal" + (digits == 1 ? "" : "s") + ", the currency's minor unit");
        }
        return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY), currency);
    }

    /** @throws ContractViolation on field {@code currency} unless the code is an ISO 4217 currency */
    public static Currency currency(String code) {
        if (code == null || code.isEmpty()) {
            throw new ContractViolation("currency", "an ISO 4217 currency code is required, e.g. JPY");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new ContractViolation("currency", "'" + code + "' is not an ISO 4217 currency code, e.g. JPY, USD, EUR, GBP");
        }
    }

    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** This amount times a non-negative factor, rounded down to the currency's minor unit. */
    public Money times(BigDecimal factor) {
        if (factor.signum() < 0) {
            throw new IllegalArgumentException("factor " + factor + " is negative");
        }
        return new Money(amount.multiply(factor).setScale(amount.scale(), RoundingMode.DOWN), currency);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + this + " with " + other
                    + ": amounts in different currencies are never added or compared");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money && ((Money) other).amount.equals(amount) && ((Money) other).currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
