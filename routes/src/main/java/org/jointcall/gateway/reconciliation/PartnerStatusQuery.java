package org.jointcall.gateway.reconciliation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.TranslationException;
import org.jointcall.contracts.proposal.TrackEvent;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.contracts.validation.ContractViolation;
import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.delivery.DeliverySettings;
import org.jointcall.gateway.delivery.PartnerHttp;
import org.jointcall.gateway.ledger.ProposalSubject;
import org.jointcall.gateway.signature.GatewaySigner;
import org.jointcall.gateway.signature.ReceiptVerifier;
import org.jointcall.signature.Signed;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;
import org.jointcall.signature.verify.SignatureRejectedException;

/**
 * Asks a push agency for the state of one of its proposals:
 * {@code GET <statusEndpoint>?proposal=<its local proposal id>}, signed by the gateway like a delivery
 * (so with {@code Content-Type: application/json} and the digest of the empty body). The agency answers
 * {@code 200} with its latest message about that proposal — its proposal part, a review result or its
 * funding decision — in its own format, the one its adapter reads, or {@code 404} when it does not know
 * the proposal; either answer signed like a delivery receipt (over {@code @status}, its
 * {@code content-digest} and the gateway's request signature). An agency configured without
 * {@code receiptRequired} is believed unsigned, as its receipts are.
 */
@ApplicationScoped
public class PartnerStatusQuery {

    private AdapterRegistry adapters;
    private GatewaySigner signer;
    private ReceiptVerifier answers;
    private DeliverySettings settings;
    private HttpClient http;

    /** For the CDI proxy only. */
    protected PartnerStatusQuery() {
    }

    @Inject
    public PartnerStatusQuery(AdapterRegistry adapters, GatewaySigner signer, ReceiptVerifier answers, DeliverySettings settings) {
        this.adapters = adapters;
        this.signer = signer;
        this.answers = answers;
        this.settings = settings;
        this.http = PartnerHttp.client(settings);
    }

    /** The state {@code agency} reports for {@code track}, which must have the agency's proposal id. */
    public PartnerStatus ask(Agency agency, OpenTrack track) {
        URI endpoint = agency.statusEndpoint().orElseThrow(() -> new IllegalArgumentException(agency.code() + " is a pull agency;"
                + " its acknowledgements are reconciled, it is not asked for states"));
        String localId = track.localProposalId().orElseThrow(() -> new IllegalArgumentException("the track of " + agency.code()
                + " in " + track.jointReference() + " has no proposal id of the agency to ask about"));
        URI uri = URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + "proposal="
                + URLEncoder.encode(localId, StandardCharsets.UTF_8));
        Signed<RequestMessage> signed = signer.signRequest(RequestMessage.of("GET", uri,
                HttpFields.of("Content-Type", "application/json"), new byte[0]));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json").GET();
        signed.addedFields().lines().forEach(line -> request.header(line.name(), line.value()));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new PartnerStatus.Unanswered("GET " + uri + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PartnerStatus.Unanswered("interrupted while asking " + uri, true);
        }
        return judge(response, signed.message(), agency, track, localId);
    }

    private PartnerStatus judge(HttpResponse<byte[]> response, RequestMessage sent, Agency agency, OpenTrack track, String localId) {
        int status = response.statusCode();
        if (PartnerHttp.unavailable(status)) {
            return new PartnerStatus.Unanswered(agency.code() + " answered " + status + ": " + PartnerHttp.excerpt(response.body()), true);
        }
        if (status != 200 && status != 404) {
            return new PartnerStatus.Unanswered(agency.code() + " answered " + status + " to the status query for " + localId + ": "
                    + PartnerHttp.excerpt(response.body()), false);
        }
        Optional<String> unsigned = verify(response, sent, agency);
        if (unsigned.isPresent()) {
            return new PartnerStatus.Unanswered(unsigned.get(), false);
        }
        if (status == 404) {
            return new PartnerStatus.NotKnown(PartnerHttp.excerpt(response.body()));
        }
        CanonicalMessage message;
        try {
            message = adapters.require(agency.code().code()).toCanonical(response.body()).message();
        } catch (TranslationException | ContractViolation | IllegalArgumentException e) {
            return new PartnerStatus.Unanswered(agency.code() + "'s status answer for " + localId + " does not read as its format: "
                    + e.getMessage(), false);
        }
        Optional<TrackEvent> report = TrackEvent.from(message);
        if (report.isEmpty() || !agency.code().code().equals(message.getSender())) {
            return new PartnerStatus.Unanswered(agency.code() + " answered the status query for " + localId + " with a "
                    + message.getKind() + " from " + message.getSender() + "; expected its own proposal part, review result or decision",
                    false);
        }
        String answeredId = ProposalSubject.localProposalId(message);
        if (!localId.equals(answeredId) || !track.jointReference().equals(message.getJointReference())) {
            return new PartnerStatus.Unanswered(agency.code() + " answered the status query for " + localId + " (joint reference "
                    + track.jointReference() + ") about " + answeredId + " (joint reference " + message.getJointReference() + ")", false);
        }
        return new PartnerStatus.Reported(report.get());
    }

    /** Empty when the answer verifies (or the agency is not required to sign); otherwise why not. */
    private Optional<String> verify(HttpResponse<byte[]> response, RequestMessage sent, Agency agency) {
        if (!agency.receiptRequired()) {
            return Optional.empty();
        }
        try {
            answers.verify(ResponseMessage.of(response.statusCode(), PartnerHttp.fields(response.headers()), response.body())
                    .answering(sent), agency);
            return Optional.empty();
        } catch (SignatureRejectedException e) {
            return Optional.of(agency.code() + " answered the status query " + response.statusCode() + " but its signature does not verify ("
                    + e.kind().slug() + "): " + e.detail());
        }
    }
}
