package org.jointcall.gateway.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jointcall.signature.message.HttpFields;

/**
 * One accepted message, ready for its ledger row.
 *
 * @param localProposalId the sending agency's proposal id ({@link ProposalSubject}), null when the message has none
 * @param title the proposal's title when the message is a proposal part, else null
 * @param leadResearchers the keys of the PI and co-PIs a proposal part names ({@link ProposalSubject#leadResearchers}), else null
 * @param bodyDigest sha-256 of {@code body}, Content-Digest value form
 * @param requestUri the request's target URI as the gateway received it (its signature covers authority, path and query)
 * @param verdictJson what the verifier established, as JSON
 * @param translationReportJson what the adapter did not take over, as JSON (null when lossless)
 */
public record LedgerEntry(long ledgerId, String agency, String messageId, String kind, String jointReference, String callId,
        String localProposalId, String title, List<String> leadResearchers, String mediaType, byte[] body, String bodyDigest,
        String requestUri, HttpFields requestHeaders, String signatureInput, String signature,
        String keyId, String algorithm, String verdictJson, byte[] canonicalXml, String translationReportJson, Receipt receipt,
        Instant receivedAt) {

    public LedgerEntry {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(messageId, "message id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "media type");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bodyDigest, "body digest");
        Objects.requireNonNull(requestUri, "request URI");
        Objects.requireNonNull(requestHeaders, "request headers");
        Objects.requireNonNull(signatureInput, "signature input");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(verdictJson, "verdict");
        Objects.requireNonNull(canonicalXml, "canonical XML");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(receivedAt, "received at");
    }
}
