package org.jointcall.contracts.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.FundingOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec's JSON trees are built without writing and parsing JSON text, yet must be exactly the trees the text
 * reads as (the way the adapters read it, decimals as decimals): same fields in the same order, same node types
 * (an int sequence is not a long node, an amount of whole units is an integer, an amount with a fraction keeps its
 * scale as the parser leaves it), dates spelled the same, absent fields absent.
 */
class CanonicalTreeTest {

    private static final CanonicalCodec CODEC = new CanonicalCodec();
    private static final ObjectMapper TEXT_TREES = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static Stream<Arguments> messages() {
        CanonicalMessage longSequence = CanonicalSamples.ukriPartialDecision();
        longSequence.setAgencySequence(9_000_000_000L);
        CanonicalMessage intSizedTenDigitSequence = CanonicalSamples.nsfReview();
        intSizedTenDigitSequence.setAgencySequence((long) Integer.MAX_VALUE);
        CanonicalMessage zeroAmount = CanonicalSamples.ukriPartialDecision();
        zeroAmount.setFundingDecision(CanonicalSamples.decision("BB/Y012345/1", FundingOutcome.APPROVED_PARTIAL, "0.00", "GBP"));
        CanonicalMessage bareAmountWithoutConditions = CanonicalSamples.ukriPartialDecision();
        bareAmountWithoutConditions.setFundingDecision(CanonicalSamples.decision("BB/Y012345/1", FundingOutcome.APPROVED_PARTIAL, "600000.5", "GBP"));
        bareAmountWithoutConditions.getFundingDecision().getConditions().clear();
        bareAmountWithoutConditions.getFundingDecision().setReason(null);
        return Stream.of(
                Arguments.of("JST proposal part", CanonicalSamples.jstProposalPart()),
                Arguments.of("NSF split-score review", CanonicalSamples.nsfReview()),
                Arguments.of("UKRI partial funding decision", CanonicalSamples.ukriPartialDecision()),
                Arguments.of("joint proposal record", CanonicalSamples.jointProposalRecord()),
                Arguments.of("rejection notice", CanonicalSamples.rejectionNotice()),
                Arguments.of("sequence beyond int", longSequence),
                Arguments.of("sequence of ten digits within int", intSizedTenDigitSequence),
                Arguments.of("amount of zero with a scale", zeroAmount),
                Arguments.of("no conditions, no reason, one-digit fraction", bareAmountWithoutConditions));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void theTreeOfStoredXmlIsTheTreeOfTheJsonText(String name, CanonicalMessage message) throws IOException {
        byte[] storedXml = CODEC.toXml(message);
        JsonNode fromText = TEXT_TREES.readTree(CODEC.toJson(CODEC.fromXml(storedXml)));

        ObjectNode direct = CODEC.storedXmlToTree(storedXml);

        assertSameTree(direct, fromText, "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void theTreeOfAMessageIsTheTreeOfItsJsonText(String name, CanonicalMessage message) throws IOException {
        JsonNode fromText = TEXT_TREES.readTree(CODEC.toJson(message));

        assertSameTree(CODEC.toTree(message), fromText, "");
    }

    /** Node by node, naming where they differ: {@code equals} alone ignores field order and says nothing of where. */
    private static void assertSameTree(JsonNode actual, JsonNode expected, String pointer) {
        assertThat(actual.getClass()).as("node type at '%s'", pointer).isEqualTo(expected.getClass());
        assertThat(actual).as("value at '%s'", pointer).isEqualTo(expected);
        if (expected.isObject()) {
            assertThat(iterableOf(actual.fieldNames())).as("fields at '%s'", pointer).containsExactlyElementsOf(iterableOf(expected.fieldNames()));
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertSameTree(actual.get(field.getKey()), field.getValue(), pointer + "/" + field.getKey());
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(actual.get(i), expected.get(i), pointer + "/" + i);
            }
        } else if (expected.isBigDecimal()) {
            assertThat(actual.decimalValue().scale()).as("scale at '%s'", pointer).isEqualTo(expected.decimalValue().scale());
        }
    }

    private static Iterable<String> iterableOf(Iterator<String> names) {
        return () -> names;
    }
}
