package org.jointcall.adapters.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.jointcall.adapters.spi.InboundTranslation;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.adapters.spi.TranslationNote;
import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    private static final CanonicalCodec CODEC = new CanonicalCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Sample> samples() {
        return Samples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleIsReadAsItsKind(Sample sample) {
        InboundTranslation in = sample.adapter().toCanonical(sample.bytes());

        assertThat(in.message().getKind()).isEqualTo(sample.kind());
        assertThat(sample.adapter().messageKinds()).contains(sample.kind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void canonicalToNativeToCanonicalGivesTheSameMessage(Sample sample) throws IOException {
        CanonicalMessage original = sample.adapter().toCanonical(sample.bytes()).message();

        OutboundTranslation out = sample.adapter().fromCanonical(original);
        CanonicalMessage again = sample.adapter().toCanonical(out.body()).message();

        assertThat(out.report().notes()).as("nothing lost writing %s", sample).isEmpty();
        assertThat(canonicalJson(again).equals(NativeDocuments.BY_VALUE, canonicalJson(original)))
                .as("%s read back:%n%s%nwas sent as:%n%s", sample, canonicalJson(again), canonicalJson(original)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void nativeToCanonicalToNativeGivesAnEquivalentDocument(Sample sample) {
        InboundTranslation in = sample.adapter().toCanonical(sample.bytes());

        OutboundTranslation out = sample.adapter().fromCanonical(in.message());

        assertThat(out.mediaType()).isEqualTo(sample.adapter().mediaTypes().get(0));
        assertThat(NativeDocuments.equivalent(sample.bytes(), out.body(), sample.isXml(), reportedFields(in)))
                .as("%s written back:%n%s", sample, new String(out.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theCanonicalXmlOfAReadMessageIsWhatTheCodecWritesForIt(Sample sample) {
        InboundTranslation in = sample.adapter().toCanonical(sample.bytes());

        assertThat(in.canonicalXml()).isEqualTo(CODEC.toXml(in.message()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writingFromStoredCanonicalXmlGivesWhatWritingTheMessageGives(Sample sample) {
        byte[] canonicalXml = sample.adapter().toCanonical(sample.bytes()).canonicalXml();

        OutboundTranslation fromXml = sample.adapter().fromStoredCanonicalXml(canonicalXml);

        assertThat(fromXml).isEqualTo(sample.adapter().fromCanonical(CODEC.fromXml(canonicalXml)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void storedXmlWithADoctypeIsRefusedBeforeAnythingIsWritten(Sample sample) {
        String valid = new String(sample.adapter().toCanonical(sample.bytes()).canonicalXml(), StandardCharsets.UTF_8);
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE message [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + valid.substring(valid.indexOf("<message")).replaceFirst("<callId>[^<]*</callId>", "<callId>&xxe;</callId>");

        IllegalStateException refused = catchThrowableOfType(IllegalStateException.class,
                () -> sample.adapter().fromStoredCanonicalXml(hostile.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused).hasMessageContaining("DOCTYPE is disallowed");
    }

    private static java.util.List<String> reportedFields(InboundTranslation in) {
        return in.report().notes().stream().map(TranslationNote::field).toList();
    }

    private static JsonNode canonicalJson(CanonicalMessage message) throws IOException {
        return JSON.readTree(CODEC.toJson(message));
    }
}
