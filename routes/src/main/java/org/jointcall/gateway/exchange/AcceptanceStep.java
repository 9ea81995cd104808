package org.jointcall.gateway.exchange;

import java.sql.SQLException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.jointcall.contracts.v1.CanonicalMessage;
import org.jointcall.gateway.decision.LedgerArrivals;
import org.jointcall.gateway.ledger.ExchangeLedger;
import org.jointcall.gateway.ledger.LedgerEntry;
import org.jointcall.gateway.ledger.ProposalSubject;
import org.jointcall.gateway.ledger.Receipt;
import org.jointcall.gateway.ledger.StoredMessage;
import org.jointcall.gateway.logging.Correlation;
import org.jointcall.gateway.metrics.MessageMetrics;
import org.jointcall.gateway.persistence.Transactions;
import org.jointcall.signature.message.HttpFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last step: in ONE transaction, spend the nonce and insert the ledger row with its signed receipt;
 * the 202 goes out only after commit. A message id the agency already used is settled by the unique
 * constraint: same body digest, the original receipt again, signed for this request (still 202); other bytes, 409.
 */
@ApplicationScoped
public class AcceptanceStep implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptanceStep.class);

    @Inject
    Transactions transactions;

    @Inject
    ExchangeLedger ledger;

    @Inject
    ReceiptIssuer receipts;

    @Inject
    MessageMetrics metrics;

    @Inject
    LedgerArrivals arrivals;

    @Override
    public void process(Exchange exchange) throws SQLException {
        InboundMessage message = InboundMessage.of(exchange);
        CanonicalMessage canonical = message.translation().message();
        String agency = message.agency().code().code();
        Accepted accepted = transactions.inTransaction(connection -> {
            message.spendNonce(connection);
            long ledgerId = ledger.nextId(connection);
            Instant receivedAt = Instant.now();
            Receipt issued = receipts.issue(ledgerId, agency, canonical.getMessageId(), message.bodyDigest(), receivedAt, message.request());
            if (ledger.insert(connection, entry(message, canonical, ledgerId, issued, receivedAt))) {
                return new Accepted(issued, ledgerId, true);
            }
            StoredMessage stored = ledger.find(connection, agency, canonical.getMessageId()).orElseThrow(() -> new IllegalStateException(
                    "message " + agency + "/" + canonical.getMessageId() + " conflicted on insert but is not in the ledger"));
            if (!stored.bodyDigest().equals(message.bodyDigest())) {
                throw new ProblemException(Problem.of(ProblemType.MESSAGE_ID_CONFLICT, "message id " + canonical.getMessageId()
                        + " was accepted as ledger entry " + stored.ledgerId() + " with body digest " + stored.bodyDigest()
                        + "; this body has digest " + message.bodyDigest() + ". A new message needs a new id."));
            }
            return new Accepted(receipts.again(stored.receipt(), message.request()), stored.ledgerId(), false);
        });
        String kind = canonical.getKind().value();
        try (Correlation ignored = Correlation.of(Correlation.MESSAGE_ID, canonical.getMessageId()).and(Correlation.AGENCY, agency)
                .and(Correlation.LEDGER_ID, accepted.ledgerId())) {
            if (accepted.firstTime()) {
                arrivals.committed();
                metrics.received(agency, kind);
                LOG.info("Accepted {} {} from {} as ledger entry {}", kind, canonical.getMessageId(), agency, accepted.ledgerId());
            } else {
                LOG.info("Repeated {} {} from {}: answered with the receipt of ledger entry {}", kind, canonical.getMessageId(), agency,
                        accepted.ledgerId());
            }
        }
        respond(exchange.getMessage(), accepted.receipt());
    }

    /** The receipt to answer with, and whether this request put the message into the ledger or repeated one already there. */
    private record Accepted(Receipt receipt, long ledgerId, boolean firstTime) {
    }

    private static LedgerEntry entry(InboundMessage message, CanonicalMessage canonical, long ledgerId, Receipt receipt,
            Instant receivedAt) {
        return new LedgerEntry(ledgerId, message.agency().code().code(), canonical.getMessageId(), canonical.getKind().value(),
                canonical.getJointReference(), canonical.getCallId(),
                ProposalSubject.localProposalId(canonical), ProposalSubject.title(canonical),
                ProposalSubject.leadResearchers(canonical),
                message.request().fields().values("Content-Type").get(0), message.request().body(), message.bodyDigest(),
                message.request().targetUri().toString(), message.request().fields(), message.verdict().signatureInput(), message.verdict().signature(),
                message.verdict().keyId(), message.verdict().algorithm().identifier(), EvidenceJson.verdict(message.verdict()),
                message.canonicalXml(), EvidenceJson.report(message.translation().report()), receipt, receivedAt);
    }

    /** Sends {@code receipt} as the exchange's HTTP answer, replacing every request header. */
    static void respond(Message response, Receipt receipt) {
        response.removeHeaders("*");
        response.setHeader(Exchange.HTTP_RESPONSE_CODE, receipt.status());
        HttpFields headers = receipt.headers();
        for (HttpFields.FieldLine line : headers.lines()) {
            response.setHeader(line.name().equalsIgnoreCase("Content-Type") ? Exchange.CONTENT_TYPE : line.name(), line.value());
        }
        response.setBody(receipt.body());
    }
}
