package org.jointcall.adapters.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jointcall.adapters.nsf.NsfAdapter;
import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;
import org.junit.jupiter.api.Test;

/** An adapter written before {@code fromStoredCanonicalXml} existed still writes the gateway's stored canonical XML. */
class AgencyAdapterDefaultsTest {

    private static final CanonicalCodec CODEC = new CanonicalCodec();

    /** Implements only the original methods; records what it was asked to write. */
    private static final class OlderAdapter implements AgencyAdapter {
        final List<CanonicalMessage> written = new ArrayList<>();

        @Override
        public String agency() {
            return "NSF";
        }

        @Override
        public List<String> mediaTypes() {
            return List.of("text/plain");
        }

        @Override
        public Set<MessageKind> messageKinds() {
            return Set.of(MessageKind.PROPOSAL_PART);
        }

        @Override
        public InboundTranslation toCanonical(byte[] nativeMessage) {
            throw new UnsupportedOperationException("outbound only");
        }

        @Override
        public OutboundTranslation fromCanonical(CanonicalMessage message) {
            written.add(message);
            return new OutboundTranslation(message.getMessageId().getBytes(StandardCharsets.UTF_8), "text/plain", TranslationReport.lossless());
        }
    }

    private static byte[] storedXml() throws Exception {
        try (var in = AgencyAdapterDefaultsTest.class.getResourceAsStream("/org/jointcall/adapters/nsf/samples/proposal.json")) {
            return new NsfAdapter().toCanonical(in.readAllBytes()).canonicalXml();
        }
    }

    @Test
    void theDefaultReadsTheXmlAndWritesTheMessageItHolds() throws Exception {
        OlderAdapter adapter = new OlderAdapter();
        byte[] xml = storedXml();

        OutboundTranslation out = adapter.fromStoredCanonicalXml(xml);

        assertThat(adapter.written).hasSize(1);
        assertThat(CODEC.toXml(adapter.written.get(0))).isEqualTo(xml);
        assertThat(new String(out.body(), StandardCharsets.UTF_8)).isEqualTo(adapter.written.get(0).getMessageId());
    }

    @Test
    void theDefaultRefusesXmlThatIsNoMessageBeforeTheAdapterSeesIt() throws Exception {
        OlderAdapter adapter = new OlderAdapter();
        String xml = new String(storedXml(), StandardCharsets.UTF_8);
        byte[] cut = xml.substring(0, xml.indexOf("</sender>")).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> adapter.fromStoredCanonicalXml(cut)).isInstanceOf(IllegalStateException.class);
        assertThat(adapter.written).isEmpty();
    }
}
