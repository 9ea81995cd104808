package org.jointcall.contracts.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.jointcall.contracts.validation.ContractViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X", "https://orcid.org/0000-0002-1825-0097"})
    void validOrcidsAreAcceptedInBareAndUrlForm(String text) {
        Orcid orcid = Orcid.of(text);
        assertThat(orcid.url()).isEqualTo("https://orcid.org/" + orcid.value());
        assertThat(text).endsWith(orcid.value());
    }

    @Test
    void orcidWithAWrongCheckDigitNamesTheDigitItShouldHave() {
        assertThatThrownBy(() -> Orcid.of("0000-0002-1825-0098"))
                .isInstanceOfSatisfying(ContractViolation.class, violation -> {
                    assertThat(violation.field()).isEqualTo("orcid");
                    assertThat(violation.reason()).isEqualTo("ORCID 0000-0002-1825-0098: checksum digit should be 7");
                });
        assertThatThrownBy(() -> Orcid.of("0000-0002-1694-2339")).hasMessageEndingWith("checksum digit should be X");
    }

    @Test
    void malformedOrcidSaysWhatTheFormatIs() {
        assertThatThrownBy(() -> Orcid.of("0000-0002-1825-009"))
                .hasMessage("orcid: ORCID 0000-0002-1825-009: should be four groups of four digits separated by '-',"
                        + " the last character a digit or X, e.g. 0000-0002-1825-0097");
    }

    @Test
    void orcidsAreEqualByValue() {
        assertThat(Orcid.of("https://orcid.org/0000-0002-1825-0097")).isEqualTo(Orcid.of("0000-0002-1825-0097"))
                .hasSameHashCodeAs(Orcid.of("0000-0002-1825-0097"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"057zh3y96", "052gg0110", "013meh722", "021nxhr62", "https://ror.org/018mejw64"})
    void realRorIdsPassTheirChecksum(String text) {
        assertThat(RorId.of(text).url()).startsWith("https://ror.org/0").endsWith(text.substring(text.length() - 9));
    }

    @Test
    void rorIdWithWrongCheckDigitsNamesTheRightOnes() {
        assertThatThrownBy(() -> RorId.of("https://ror.org/057zh3y97"))
                .hasMessage("ror: ROR id 057zh3y97: checksum digits should be 96");
        assertThatThrownBy(() -> RorId.of("157zh3y96")).hasMessageContaining("should be '0', six lower-case Crockford base-32 characters");
    }

    @Test
    void eRadNumbersAreEightDigits() {
        assertThat(ERadNumber.of("12345678").value()).isEqualTo("12345678");
        assertThatThrownBy(() -> ERadNumber.of("1234567"))
                .hasMessage("researcherNumber: e-Rad researcher number '1234567' should be exactly 8 digits, e.g. 12345678");
    }

    @Test
    void agencyIdsAreOpenButWellFormed() {
        assertThat(AgencyId.of("NSERC")).isEqualTo(AgencyId.NSERC);
        assertThat(AgencyId.of("FWF").code()).isEqualTo("FWF");
        assertThatThrownBy(() -> AgencyId.of("nsf"))
                .hasMessage("agency: agency code 'nsf' should be 2 to 16 upper-case letters or digits starting with a letter, e.g. UKRI");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"NSF, 2412345", "UKRI, EP/T022159/1", "DFG, 460234259", "NWO, NWA.1160.18.238", "JST, JPMJAP2326", "ANR, ANR-24-CE45-0001"})
    void eachKnownAgencysOwnProposalIdFormatIsAccepted(String agency, String id) {
        assertThat(LocalProposalId.of(AgencyId.of(agency), id).value()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "NSF, 241234, 'NSF proposal id ''241234'' should be 7 digits, e.g. 2412345'",
        "UKRI, EP-T022159-1, 'UKRI proposal id ''EP-T022159-1'' should be council/grant/version, e.g. EP/T022159/1'",
        "JST, JPMJ2326, 'JST proposal id ''JPMJ2326'' should be JPMJ, a 2-letter programme code and 4 characters, e.g. JPMJAP2326'"})
    void aProposalIdInAnotherFormatNamesTheAgencyAndItsFormat(String agency, String id, String reason) {
        assertThatThrownBy(() -> LocalProposalId.of(AgencyId.of(agency), id))
                .isInstanceOfSatisfying(ContractViolation.class, violation -> {
                    assertThat(violation.field()).isEqualTo("localProposalId");
                    assertThat(violation.reason()).isEqualTo(reason);
                });
    }

    @Test
    void aConfiguredAgencySuppliesItsOwnPattern() {
        LocalProposalIdFormats formats = LocalProposalIdFormats.known().with(AgencyId.NRF, "RS-\\d{4}-\\d{8}");

        assertThat(formats.check(AgencyId.NRF, "RS-2026-00123456")).isEqualTo(formats.check(AgencyId.NRF, "RS-2026-00123456"));
        assertThatThrownBy(() -> formats.check(AgencyId.NRF, "2026-1"))
                .hasMessage("localProposalId: NRF proposal id '2026-1' should be matching RS-\\d{4}-\\d{8}");
        assertThatThrownBy(() -> formats.with(AgencyId.NRF, "[unclosed"))
                .hasMessageStartingWith("localProposalIdPattern: '[unclosed' is not a valid regular expression");
        assertThat(LocalProposalId.of(AgencyId.NRF, "2026-1").value()).isEqualTo("2026-1");
    }

    @Test
    void moneyNeedsARealCurrency() {
        assertThatThrownBy(() -> Money.of(BigDecimal.TEN, "XYZ"))
                .hasMessage("currency: 'XYZ' is not an ISO 4217 currency code, e.g. JPY, USD, EUR, GBP");
    }

    @Test
    void moneyIsNeverNegative() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("-0.01"), "USD"))
                .isInstanceOfSatisfying(ContractViolation.class, violation -> {
                    assertThat(violation.field()).isEqualTo("amount");
                    assertThat(violation.reason()).isEqualTo("amount -0.01 USD is negative; amounts are 0 or more");
                });
    }

    @Test
    void moneyHasNoMoreDecimalsThanItsCurrencyButTrailingZerosAreFine() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("100.5"), "JPY"))
                .hasMessage("amount: amount 100.5 JPY has more than 0 decimals, the currency's minor unit");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.005"), "EUR")).hasMessageContaining("more than 2 decimals");
        assertThat(Money.of(new BigDecimal("100.00"), "JPY")).isEqualTo(Money.of(new BigDecimal("100"), "JPY"));
        assertThat(Money.of(new BigDecimal("1.5"), "GBP")).hasToString("1.50 GBP");
    }

    @Test
    void amountsInDifferentCurrenciesAreNeverCombined() {
        Money yen = Money.of(new BigDecimal("1000"), "JPY");
        Money dollars = Money.of(new BigDecimal("10"), "USD");

        assertThatThrownBy(() -> yen.plus(dollars)).hasMessageContaining("amounts in different currencies are never added or compared");
        assertThatThrownBy(() -> yen.isGreaterThan(dollars)).isInstanceOf(IllegalArgumentException.class);
        assertThat(yen.plus(Money.of(new BigDecimal("1"), Currency.getInstance("JPY")))).isEqualTo(Money.of(new BigDecimal("1001"), "JPY"));
        assertThat(yen.times(new BigDecimal("0.3"))).isEqualTo(Money.of(new BigDecimal("300"), "JPY"));
    }
}
