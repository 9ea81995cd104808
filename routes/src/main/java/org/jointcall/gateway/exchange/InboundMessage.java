package org.jointcall.gateway.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.adapters.spi.InboundTranslation;
import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.signature.PendingNonce;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.verify.ProblemKind;
import org.jointcall.signature.verify.Verdict;

/**
 * What the inbound route has established about one request so far, carried as one exchange
 * property from step to step. Each step fills in its part; the error handler reads whatever is there
 * for the problem response and the security log.
 */
public final class InboundMessage {

    static final String PROPERTY = "jointcall.inbound";

    private final String pathAgency;
    private final String path;
    private final String remoteAddress;
    private Agency agency;
    private AgencyAdapter adapter;
    private RequestMessage request;
    private String bodyDigest;
    private String claimedKeyId;
    private Verdict verdict;
    private PendingNonce nonce;
    private InboundTranslation translation;
    private byte[] canonicalXml;

    InboundMessage(String pathAgency, String path, String remoteAddress) {
        this.pathAgency = pathAgency;
        this.path = path;
        this.remoteAddress = remoteAddress;
    }

    /** The state of {@code exchange}; fails when the route did not start with {@link AgencyStep}. */
    static InboundMessage of(Exchange exchange) {
        InboundMessage message = exchange.getProperty(PROPERTY, InboundMessage.class);
        if (message == null) {
            throw new IllegalStateException("exchange " + exchange.getExchangeId() + " carries no inbound message state");
        }
        return message;
    }

    static Optional<InboundMessage> find(Exchange exchange) {
        return Optional.ofNullable(exchange.getProperty(PROPERTY, InboundMessage.class));
    }

    String pathAgency() {
        return pathAgency;
    }

    String path() {
        return path;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    Agency agency() {
        return agency;
    }

    void agency(Agency value, AgencyAdapter agencyAdapter) {
        this.agency = value;
        this.adapter = agencyAdapter;
    }

    AgencyAdapter adapter() {
        return adapter;
    }

    RequestMessage request() {
        return request;
    }

    void request(RequestMessage value, String digest) {
        this.request = value;
        this.bodyDigest = digest;
    }

    /** The sha-256 Content-Digest value of the body as received, once read. */
    String bodyDigest() {
        return bodyDigest;
    }

    Optional<String> keyId() {
        return verdict != null ? Optional.of(verdict.keyId()) : Optional.ofNullable(claimedKeyId);
    }

    void claimedKeyId(String keyId) {
        this.claimedKeyId = keyId;
    }

    Verdict verdict() {
        return verdict;
    }

    /** Spends the verified nonce on {@code connection}; refuses as replay when another request spent it meanwhile. */
    void spendNonce(Connection connection) throws SQLException {
        if (!nonce.spend(connection)) {
            throw new ProblemException(Problem.of(ProblemKind.REPLAY, "nonce " + verdict.nonce().orElse("")
                    + " of key " + verdict.keyId() + " was used by another request accepted meanwhile"));
        }
    }

    void verified(Verdict value, PendingNonce pending) {
        this.verdict = value;
        this.nonce = pending;
    }

    InboundTranslation translation() {
        return translation;
    }

    /** The canonical message in its schema-valid XML form, as the ledger stores it. */
    byte[] canonicalXml() {
        return canonicalXml;
    }

    void translation(InboundTranslation value, byte[] xml) {
        this.translation = value;
        this.canonicalXml = xml;
    }
}
