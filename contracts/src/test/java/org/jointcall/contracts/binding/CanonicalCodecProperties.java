package org.jointcall.contracts.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jointcall.contracts.v1.CanonicalMessage;

/** Whatever text and amounts a partner sends, XML and JSON carry exactly the same message. */
class CanonicalCodecProperties {

    private static final CanonicalCodec CODEC = new CanonicalCodec();

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> markupAndWhitespace = Arbitraries.of("\t", "\n", "\r", "\r\n", " ", "&", "<", ">", "\"", "'", "]]>", "&amp;");
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('a', 'z').withCharRange('À', 'ÿ').ofLength(1);
        Arbitrary<String> japanese = Arbitraries.strings().withCharRange('ぁ', 'ゖ').withCharRange('一', '龥').ofLength(1);
        Arbitrary<String> outsideTheBasicPlane = Arbitraries.of("🧬", "😀", "𠀋");
        return Arbitraries.oneOf(markupAndWhitespace, latin, japanese, outsideTheBasicPlane)
                .list().ofMinSize(1).ofMaxSize(40)
                .map(parts -> String.join("", parts))
                .filter(text -> !text.isBlank());
    }

    @Provide
    Arbitrary<BigDecimal> pounds() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999999999.99")).ofScale(2);
    }

    @Property(tries = 200)
    void anyTextAndAmountSurvivesXmlThenJsonThenXml(@ForAll("texts") String title, @ForAll("texts") String abstractText,
            @ForAll("texts") String keyword, @ForAll("pounds") BigDecimal amount) {
        CanonicalMessage message = CanonicalSamples.jstProposalPart();
        message.getProposalPart().setTitle(title);
        message.getProposalPart().setAbstract(abstractText);
        message.getProposalPart().getKeywords().clear();
        message.getProposalPart().getKeywords().addAll(List.of(keyword, title));
        CanonicalMessage decision = CanonicalSamples.ukriPartialDecision();
        decision.getFundingDecision().getAmount().setValue(amount);
        decision.getFundingDecision().setReason(abstractText);

        for (CanonicalMessage original : List.of(message, decision)) {
            byte[] xml = CODEC.toXml(original);
            CanonicalMessage viaJson = CODEC.fromJson(CODEC.toJson(CODEC.fromXml(xml)));
            assertThat(viaJson).isEqualTo(original);
            assertThat(CODEC.toXml(viaJson)).isEqualTo(xml);
        }
    }
}
