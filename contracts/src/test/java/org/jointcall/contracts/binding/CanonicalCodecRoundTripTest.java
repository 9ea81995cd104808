package org.jointcall.contracts.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.JointCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalCodecRoundTripTest {

    private static final CanonicalCodec CODEC = new CanonicalCodec();

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("JST proposal part", CanonicalSamples.jstProposalPart()),
                Arguments.of("NSF split-score review", CanonicalSamples.nsfReview()),
                Arguments.of("UKRI partial funding decision", CanonicalSamples.ukriPartialDecision()),
                Arguments.of("joint proposal record", CanonicalSamples.jointProposalRecord()),
                Arguments.of("rejection notice", CanonicalSamples.rejectionNotice()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void xmlToObjectToJsonToObjectToXmlLosesNothing(String name, CanonicalMessage original) {
        byte[] xml = CODEC.toXml(original);
        CanonicalMessage fromXml = CODEC.fromXml(xml);
        byte[] json = CODEC.toJson(fromXml);
        CanonicalMessage fromJson = CODEC.fromJson(json);
        byte[] xmlAgain = CODEC.toXml(fromJson);

        assertThat(fromXml).isEqualTo(original);
        assertThat(fromJson).isEqualTo(original);
        assertThat(fromJson.hashCode()).isEqualTo(original.hashCode());
        assertThat(new String(xmlAgain, StandardCharsets.UTF_8)).isEqualTo(new String(xml, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void jsonIsStableAcrossRoundTrips(String name, CanonicalMessage original) {
        byte[] json = CODEC.toJson(original);
        assertThat(new String(CODEC.toJson(CODEC.fromJson(json)), StandardCharsets.UTF_8))
                .isEqualTo(new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void japaneseTextSurvivesBothFormatsVerbatim() {
        CanonicalMessage original = CanonicalSamples.jstProposalPart();
        String xml = new String(CODEC.toXml(original), StandardCharsets.UTF_8);
        String json = new String(CODEC.toJson(original), StandardCharsets.UTF_8);

        assertThat(xml).contains("合成生物学による持続可能な材料設計").contains("<keyword>合成生物学</keyword>");
        assertThat(json).contains("\"title\" : \"合成生物学による持続可能な材料設計").contains("🧬");
        assertThat(CODEC.fromJson(json.getBytes(StandardCharsets.UTF_8)).getProposalPart().getAbstract())
                .isEqualTo(original.getProposalPart().getAbstract());
    }

    @Test
    void timestampsKeepTheSendersOffsetAndAmountsTheirScale() {
        CanonicalMessage decision = CanonicalSamples.ukriPartialDecision();
        String xml = new String(CODEC.toXml(decision), StandardCharsets.UTF_8);
        String json = new String(CODEC.toJson(decision), StandardCharsets.UTF_8);

        assertThat(xml).contains("<sentAt>2026-05-12T09:30:15.123+09:00</sentAt>")
                .contains("<amount currency=\"GBP\">600000.00</amount>");
        assertThat(json).contains("\"sentAt\" : \"2026-05-12T09:30:15.123+09:00\"")
                .contains("\"value\" : 600000.00");
        assertThat(CODEC.fromJson(json.getBytes(StandardCharsets.UTF_8)).getSentAt())
                .isEqualTo(decision.getSentAt())
                .hasToString("2026-05-12T09:30:15.123+09:00");
    }

    @Test
    void lineBreaksAndMarkupCharactersArriveExactlyAsSent() {
        CanonicalMessage original = CanonicalSamples.jstProposalPart();
        original.getProposalPart().setAbstract("first\r\nsecond\rthird\n\tfourth ]]> <tag> &amp; ");

        CanonicalMessage fromXml = CODEC.fromXml(CODEC.toXml(original));

        assertThat(fromXml.getProposalPart().getAbstract()).isEqualTo("first\r\nsecond\rthird\n\tfourth ]]> <tag> &amp; ");
        assertThat(CODEC.fromJson(CODEC.toJson(fromXml))).isEqualTo(original);
    }

    @Test
    void callDefinitionsRoundTripAsXml() {
        JointCall call = CanonicalSamples.ukBioCall();
        assertThat(CODEC.callFromXml(CODEC.callToXml(call))).isEqualTo(call);
    }

    @Test
    void jsonUsesTheSchemasElementNames() {
        String json = new String(CODEC.toJson(CanonicalSamples.jstProposalPart()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"keyword\" : [").contains("\"person\" : [").contains("\"abstract\" :")
                .contains("\"youngResearcherDispatch\" : [").doesNotContain("\"keywords\"").doesNotContain("\"persons\"");
    }

    @Test
    void jsonWritesNumbersAsNumbersAndFlagsAsBooleans() {
        String json = new String(CODEC.toJson(CanonicalSamples.jointProposalRecord()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"agencySequence\" : 3,").contains("\"degreeYear\" : 2019")
                .contains("\"plannedInvitees\" : 6").contains("\"required\" : true").contains("\"shareable\" : true");
    }
}
