package org.jointcall.gateway.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.OutboundTranslation;
import org.jointcall.adapters.spi.TranslationException;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.exchange.EvidenceJson;
import org.jointcall.gateway.ledger.HeaderLines;
import org.jointcall.gateway.signature.GatewaySigner;
import org.jointcall.gateway.signature.ReceiptVerifier;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.verify.SignatureRejectedException;
import org.jointcall.signature.verify.Verdict;

/**
 * One push of one outbox message to a partner: written in the partner's own format by its adapter,
 * signed with the gateway's key, POSTed to the configured endpoint, and accepted only with a 2xx
 * receipt the partner signed over the gateway's request signature (when the agency is configured
 * with {@code receiptRequired}). The receipt is returned whatever it said, as evidence.
 */
@ApplicationScoped
public class PartnerPush {

    private AdapterRegistry adapters;
    private GatewaySigner signer;
    private ReceiptVerifier receipts;
    private DeliverySettings settings;
    private HttpClient http;

    /** For the CDI proxy only. */
    protected PartnerPush() {
    }

    @Inject
    public PartnerPush(AdapterRegistry adapters, GatewaySigner signer, ReceiptVerifier receipts, DeliverySettings settings) {
        this.adapters = adapters;
        this.signer = signer;
        this.receipts = receipts;
        this.settings = settings;
        this.http = PartnerHttp.client(settings);
    }

    public PushResult push(ClaimedMessage message, Agency partner) {
        URI endpoint = partner.endpoint().orElseThrow(() -> new IllegalStateException(partner.code() + " is a pull agency; it has no endpoint"));
        OutboundTranslation translation;
        try {
            translation = adapters.require(partner.code().code()).fromStoredCanonicalXml(message.canonicalXml());
        } catch (TranslationException | ContractViolation | IllegalArgumentException | IllegalStateException e) {
            return PushResult.notSent(PushResult.Outcome.UNDELIVERABLE,
                    "the " + partner.code() + " adapter cannot write " + message.messageId() + ": " + e.getMessage());
        }
        RequestMessage signed = signer.signRequest(RequestMessage.of("POST", endpoint,
                HttpFields.of("Content-Type", translation.mediaType()), translation.body())).message();
        SentRequest sent = SentRequest.of(signed);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.fields().lines().forEach(line -> request.header(line.name(), line.value()));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return PushResult.failed(PushResult.Outcome.PARTNER_UNAVAILABLE, null,
                    "POST " + endpoint + " failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    sent, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushResult.failed(PushResult.Outcome.PARTNER_UNAVAILABLE, null, "interrupted while posting to " + endpoint, sent,
                    Optional.empty());
        }
        return judge(response, signed, sent, partner);
    }

    private PushResult judge(HttpResponse<byte[]> response, RequestMessage signed, SentRequest sent, Agency partner) {
        int status = response.statusCode();
        HttpFields fields = PartnerHttp.fields(response.headers());
        String headersJson = HeaderLines.toJson(fields);
        if (status / 100 != 2) {
            Receipt answer = new Receipt(status, headersJson, response.body(), null);
            PushResult.Outcome outcome = PartnerHttp.unavailable(status) ? PushResult.Outcome.PARTNER_UNAVAILABLE : PushResult.Outcome.REFUSED;
            return PushResult.failed(outcome, status, partner.code() + " answered " + status + ": " + PartnerHttp.excerpt(response.body()),
                    sent, Optional.of(answer));
        }
        if (!partner.receiptRequired()) {
            return PushResult.delivered(sent, new Receipt(status, headersJson, response.body(), null));
        }
        try {
            Verdict verdict = receipts.verify(ResponseMessage.of(status, fields, response.body()).answering(signed), partner);
            return PushResult.delivered(sent, new Receipt(status, headersJson, response.body(), EvidenceJson.verdict(verdict)));
        } catch (SignatureRejectedException e) {
            return PushResult.failed(PushResult.Outcome.REFUSED, status, partner.code() + " answered " + status
                    + " but its receipt does not verify (" + e.kind().slug() + "): " + e.detail(),
                    sent, Optional.of(new Receipt(status, headersJson, response.body(), null)));
        }
    }
}
