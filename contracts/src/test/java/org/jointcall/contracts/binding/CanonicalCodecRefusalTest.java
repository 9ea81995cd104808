package org.jointcall.contracts.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;
import org.junit.jupiter.api.Test;

class CanonicalCodecRefusalTest {

    private static final CanonicalCodec CODEC = new CanonicalCodec();

    private static String validXml() {
        return new String(CODEC.toXml(CanonicalSamples.jstProposalPart()), StandardCharsets.UTF_8);
    }

    private static String validJson() {
        return new String(CODEC.toJson(CanonicalSamples.jstProposalPart()), StandardCharsets.UTF_8);
    }

    private static InvalidMessageException refusedXml(String xml) {
        return catchThrowableOfType(InvalidMessageException.class, () -> CODEC.fromXml(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static InvalidMessageException refusedJson(String json) {
        return catchThrowableOfType(InvalidMessageException.class, () -> CODEC.fromJson(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String lineOf(String document, int line) {
        return document.split("\n", -1)[line - 1];
    }

    @Test
    void invalidOrcidChecksumNamesFieldExpectedDigitAndLine() {
        String xml = validXml().replace("<orcid>0000-0002-1825-0097</orcid>", "<orcid>0000-0002-1825-0098</orcid>");

        InvalidMessageException refused = refusedXml(xml);

        assertThat(refused.field()).isEqualTo("proposalPart.person[0].orcid");
        assertThat(refused.reason()).isEqualTo("ORCID 0000-0002-1825-0098: checksum digit should be 7");
        MessageProblem problem = refused.problems().get(0);
        assertThat(lineOf(xml, problem.line())).contains("0000-0002-1825-0098");
        assertThat(refused.getMessage()).contains("line " + problem.line());
    }

    @Test
    void unknownCurrencyIsNamedWithTheField() {
        String xml = validXml().replace("<currency>JPY</currency>", "<currency>XYZ</currency>");

        InvalidMessageException refused = refusedXml(xml);

        assertThat(refused.field()).isEqualTo("proposalPart.budget.currency");
        assertThat(refused.reason()).isEqualTo("'XYZ' is not an ISO 4217 currency code, e.g. JPY, USD, EUR, GBP");
    }

    @Test
    void negativeAmountInXmlIsRefusedBySchemaNamingTheField() {
        String xml = validXml().replace("<requestedDirect>180000000</requestedDirect>", "<requestedDirect>-5</requestedDirect>");

        InvalidMessageException refused = refusedXml(xml);

        assertThat(refused.problems()).hasSize(1);
        assertThat(refused.field()).isEqualTo("proposalPart.budget.requestedDirect");
        assertThat(refused.reason()).isEqualTo("Value '-5' is not facet-valid with respect to minInclusive '0.0' for type 'Amount'.");
        assertThat(lineOf(xml, refused.problems().get(0).line())).contains("-5");
    }

    @Test
    void negativeAmountInJsonIsRefusedNamingTheField() {
        String json = validJson().replace("\"requestedDirect\" : 180000000", "\"requestedDirect\" : -5");

        InvalidMessageException refused = refusedJson(json);

        assertThat(refused.field()).isEqualTo("proposalPart.budget.requestedDirect");
        assertThat(refused.reason()).isEqualTo("Value '-5' is not facet-valid with respect to minInclusive '0.0' for type 'Amount'.");
    }

    @Test
    void tooManyDecimalsForTheCurrencyAreRefused() {
        String xml = validXml().replace("<requestedIndirect>54000000</requestedIndirect>", "<requestedIndirect>54000000.5</requestedIndirect>");

        InvalidMessageException refused = refusedXml(xml);

        assertThat(refused.field()).isEqualTo("proposalPart.budget.requestedIndirect");
        assertThat(refused.reason()).isEqualTo("amount 54000000.5 JPY has more than 0 decimals, the currency's minor unit");
    }

    @Test
    void missingRequiredElementIsNamedWhereItWasExpected() {
        String xml = validXml().replaceFirst("<sentAt>[^<]*</sentAt>\\s*", "");

        InvalidMessageException refused = refusedXml(xml);

        assertThat(refused.field()).isEqualTo("callId");
        assertThat(refused.reason()).contains("callId").contains("sentAt").contains("is expected");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        String xml = validXml()
                .replace("<orcid>0000-0002-1825-0097</orcid>", "<orcid>0000-0002-1825-0098</orcid>")
                .replace("https://ror.org/02kpeqv85", "https://ror.org/02kpeqv86")
                .replace("<destinationCountry>GB</destinationCountry>", "<destinationCountry>XX</destinationCountry>");

        InvalidMessageException refused = refusedXml(xml);

        assertThat(refused.problems()).extracting(MessageProblem::field).containsExactly(
                "proposalPart.person[0].orcid",
                "proposalPart.person[1].affiliation.ror",
                "proposalPart.youngResearcherDispatch[0].destinationCountry");
        assertThat(refused.problems().get(1).reason()).isEqualTo("ROR id 02kpeqv86: checksum digits should be 85");
    }

    @Test
    void localProposalIdMustMatchTheSendersFormat() {
        String xml = validXml().replace("<localProposalId>JPMJAP2326</localProposalId>", "<localProposalId>2412345</localProposalId>");

        InvalidMessageException refused = refusedXml(xml);

        assertThat(refused.field()).isEqualTo("proposalPart.localProposalId");
        assertThat(refused.reason()).isEqualTo("JST proposal id '2412345' should be JPMJ, a 2-letter programme code and 4 characters, e.g. JPMJAP2326");
    }

    @Test
    void bodyMustMatchTheDeclaredKind() {
        CanonicalMessage message = CanonicalSamples.jstProposalPart();
        message.setKind(MessageKind.FUNDING_DECISION);

        assertThatThrownBy(() -> CODEC.toXml(message))
                .isInstanceOfSatisfying(InvalidMessageException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("kind");
                    assertThat(refused.reason()).isEqualTo("a FUNDING_DECISION message carries a fundingDecision body, but this one carries proposalPart");
                });
    }

    @Test
    void reviewsNotMarkedShareableNeverGoIntoARecordForAllAgencies() {
        CanonicalMessage record = CanonicalSamples.jointProposalRecord();
        record.getJointProposalRecord().getTracks().get(1).getReviews().get(0).setShareable(false);

        InvalidMessageException refused = catchThrowableOfType(InvalidMessageException.class, () -> CODEC.toJson(record));

        assertThat(refused.field()).isEqualTo("jointProposalRecord.track[1].review[0].shareable");
        assertThat(refused.reason()).isEqualTo("a review UKRI did not mark shareable never leaves UKRI");
    }

    @Test
    void externalEntityPayloadIsRefusedWithoutResolvingIt() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE message [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + validXml().substring(validXml().indexOf("<message")).replace("<callId>ASPIRE-2026-UK-BIO</callId>", "<callId>&xxe;</callId>");

        InvalidMessageException refused = refusedXml(xml);

        assertThat(refused.problems()).hasSize(1);
        assertThat(refused.reason()).startsWith("document type declarations (DOCTYPE/DTD) are refused");
        assertThat(refused.problems().get(0).line()).isEqualTo(2);
        assertThat(refused.getMessage()).doesNotContain("root:");
    }

    @Test
    void entityExpansionBombIsRefusedBeforeExpanding() {
        StringBuilder entities = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE message [" + entities + "]><message xmlns=\"urn:jointcall:canonical:v1\">&a9;</message>";

        assertThat(refusedXml(xml).reason()).startsWith("document type declarations (DOCTYPE/DTD) are refused");
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        String xml = validXml().replace("</title>", "</titel>");

        InvalidMessageException refused = refusedXml(xml);

        assertThat(refused.field()).isEqualTo("proposalPart.title");
        assertThat(lineOf(xml, refused.problems().get(0).line())).contains("</titel>");
        assertThat(refused.problems().get(0).column()).isPositive();
    }

    @Test
    void aCallDefinitionIsNotAMessage() {
        byte[] call = CODEC.callToXml(CanonicalSamples.ukBioCall());

        InvalidMessageException refused = catchThrowableOfType(InvalidMessageException.class, () -> CODEC.fromXml(call));

        assertThat(refused.field()).isEqualTo("jointCall");
        assertThat(refused.reason()).isEqualTo("expected a message document");
    }

    @Test
    void unknownJsonPropertyIsRefusedWithItsPathAndPosition() {
        String json = validJson().replace("\"givenName\" : \"太郎\",", "\"givenName\" : \"太郎\", \"reviewerName\" : \"X\",");

        InvalidMessageException refused = refusedJson(json);

        assertThat(refused.field()).isEqualTo("proposalPart.person[0].reviewerName");
        assertThat(refused.reason()).startsWith("Unrecognized field \"reviewerName\"");
        assertThat(refused.problems().get(0).line()).isPositive();
    }

    @Test
    void missingSequenceInJsonDoesNotSilentlyBecomeZero() {
        String json = validJson().replaceFirst("\"agencySequence\" : 1,", "");

        InvalidMessageException refused = refusedJson(json);

        assertThat(refused.field()).isEqualTo("proposalPart");
        assertThat(refused.reason()).contains("agencySequence").contains("is expected");
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        String json = validJson().replace("\"agencySequence\" : 1,", "\"agencySequence\" : \"one\",");

        InvalidMessageException refused = refusedJson(json);

        assertThat(refused.field()).isEqualTo("agencySequence");
        assertThat(refused.reason()).contains("\"one\"");
    }

    @Test
    void duplicateJsonKeysAreRefusedRatherThanOverwritten() {
        String json = validJson().replace("\"callId\" : \"ASPIRE-2026-UK-BIO\",", "\"callId\" : \"A\", \"callId\" : \"B\",");

        assertThat(refusedJson(json).reason()).contains("Duplicate field 'callId'");
    }

    @Test
    void producingAnInvalidMessageIsRefusedToo() {
        CanonicalMessage message = CanonicalSamples.ukriPartialDecision();
        message.getFundingDecision().getAmount().setValue(new BigDecimal("-1.00"));

        InvalidMessageException refused = catchThrowableOfType(InvalidMessageException.class, () -> CODEC.toXml(message));

        assertThat(refused.field()).isEqualTo("fundingDecision.amount");
        assertThat(refused.reason()).isEqualTo("Value '-1.00' is not facet-valid with respect to minInclusive '0.0' for type 'Amount'.");
    }

    @Test
    void textXmlCannotCarryIsRefusedFromJson() {
        InvalidMessageException control = refusedJson(validJson().replace("\"title\" : \"", "\"title\" : \"\\u0001"));
        assertThat(control.field()).isEqualTo("proposalPart.title");
        assertThat(control.reason()).isEqualTo("character 0 (U+0001) is not allowed in XML 1.0 text");

        InvalidMessageException surrogate = refusedJson(validJson().replace("\"researcher\" : \"", "\"researcher\" : \"x\\uD83E"));
        assertThat(surrogate.field()).isEqualTo("proposalPart.youngResearcherDispatch[0].researcher");
        assertThat(surrogate.reason()).isEqualTo("character 1 is an unpaired UTF-16 surrogate U+D83E; text must be valid Unicode");
    }
}
