package org.jointcall.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.spi.InboundTranslation;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.adapters.spi.TranslationReport;
import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.identifier.AgencyId;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.v1.MessageKind;
import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.agency.DeliveryMode;
import org.jointcall.gateway.it.PartnerClient;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.junit.jupiter.api.Test;

/** The adapters' verdicts as problems, and the sender rule, on the real NSF and DFG adapters. */
class TranslationStepTest {

    private static final AdapterRegistry ADAPTERS = AdapterRegistry.discover(TranslationStepTest.class.getClassLoader());
    private final TranslationStep step = new TranslationStep();

    @Test
    void aValidMessageFromItsOwnAgencyIsTranslated() {
        Exchange exchange = posted("NSF", "application/json", PartnerClient.message("nsf-proposal.json", "nsf-1"));

        step.process(exchange);

        InboundMessage translated = InboundMessage.of(exchange);
        assertThat(translated.translation().message().getMessageId()).isEqualTo("nsf-1");
        assertThat(translated.canonicalXml()).isSameAs(translated.translation().canonicalXml())
                .isEqualTo(new CanonicalCodec().toXml(translated.translation().message()));
    }

    /** An adapter that gives no canonical XML has its message written, and checked, by the step. */
    @Test
    void aMessageWithoutCanonicalXmlIsWrittenAndCheckedHere() {
        Exchange exchange = posted("NSF", "application/json", new byte[0]);
        InboundMessage message = InboundMessage.of(exchange);
        message.agency(message.agency(), new SenderOnlyAdapter("NSF"));

        assertThatThrownBy(() -> step.process(exchange))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().slug()).isEqualTo("message-invalid");
                });
    }

    @Test
    void unparseableJsonIsMalformedWithLineAndColumn() {
        assertThatThrownBy(() -> step.process(posted("NSF", "application/json", PartnerClient.message("nsf-malformed.json", "nsf-2"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().slug()).isEqualTo("message-malformed");
                    assertThat(e.problem().extensions()).containsEntry("field", "document").containsEntry("position", "line 12, column 26");
                });
    }

    @Test
    void wellFormedXmlWithAnotherRootElementIsInvalidNotMalformed() {
        byte[] other = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Foo/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> step.process(posted("DFG", "application/xml", other)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().extensions()).containsEntry("field", "root element");
                });
    }

    @Test
    void aDoctypeIsMalformedNotMerelyInvalid() {
        assertThatThrownBy(() -> step.process(posted("DFG", "application/xml", PartnerClient.message("dfg-xxe.xml", "dfg-1"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().extensions()).containsEntry("field", "DOCTYPE");
                });
    }

    @Test
    void aWrongOrcidCheckDigitIsInvalidNamingTheField() {
        assertThatThrownBy(() -> step.process(posted("NSF", "application/json", PartnerClient.message("nsf-invalid-orcid.json", "nsf-3"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().detail()).contains("checksum digit should be 7");
                    assertThat(e.problem().extensions()).containsEntry("field", "/proposal/seniorPersonnel/0/orcidId");
                });
    }

    /** The NSF adapter itself would refuse a UKRI sender (its ids do not fit UKRI's formats); a looser adapter must not let it through. */
    @Test
    void aMessageNamingAnotherSenderIsRefusedEvenWhenTheAdapterAcceptsIt() {
        Exchange exchange = posted("NSF", "application/json", new byte[0]);
        InboundMessage message = InboundMessage.of(exchange);
        message.agency(message.agency(), new SenderOnlyAdapter("UKRI"));

        assertThatThrownBy(() -> step.process(exchange))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(403);
                    assertThat(e.problem().slug()).isEqualTo("sender-mismatch");
                    assertThat(e.problem().detail()).isEqualTo("the message's sender is UKRI but it was posted and signed for agency NSF");
                });
    }

    static Exchange posted(String agency, String contentType, byte[] body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        InboundMessage message = new InboundMessage(agency.toLowerCase(Locale.ROOT), "/api/v1/exchange/" + agency.toLowerCase(Locale.ROOT) + "/messages", "192.0.2.1");
        message.agency(new Agency(AgencyId.of(agency), DeliveryMode.PULL, null, false), ADAPTERS.require(agency));
        message.request(RequestMessage.of("POST", URI.create("http://gateway.example/api/v1/exchange/" + agency.toLowerCase(Locale.ROOT) + "/messages"),
                HttpFields.of("Content-Type", contentType), body), BodyStep.digest(body));
        exchange.setProperty(InboundMessage.PROPERTY, message);
        return exchange;
    }

    /** An adapter that reads any bytes as a message from {@code sender}. */
    private static final class SenderOnlyAdapter implements AgencyAdapter {

        private final String sender;

        SenderOnlyAdapter(String sender) {
            this.sender = sender;
        }

        @Override
        public String agency() {
            return "NSF";
        }

        @Override
        public List<String> mediaTypes() {
            return List.of("application/json");
        }

        @Override
        public Set<MessageKind> messageKinds() {
            return Set.of(MessageKind.PROPOSAL_PART);
        }

        @Override
        public InboundTranslation toCanonical(byte[] nativeMessage) {
            CanonicalMessage message = new CanonicalMessage();
            message.setSender(sender);
            return new InboundTranslation(message, TranslationReport.lossless());
        }

        @Override
        public OutboundTranslation fromCanonical(CanonicalMessage message) {
            throw new UnsupportedOperationException("inbound only");
        }
    }
}
