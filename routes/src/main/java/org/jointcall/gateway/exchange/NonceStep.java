package org.jointcall.gateway.exchange;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jointcall.gateway.persistence.Transactions;

/**
 * Spends the nonce {@link SignatureStep} verified, in a transaction of its own, for signed requests
 * that write no ledger row ({@link SignedRequestCheck}): without it a captured request
 * could be replayed until its signature expires. A nonce spent meanwhile is refused as {@code replay}.
 */
@ApplicationScoped
public class NonceStep implements Processor {

    @Inject
    Transactions transactions;

    @Override
    public void process(Exchange exchange) throws SQLException {
        InboundMessage message = InboundMessage.of(exchange);
        transactions.inTransaction(connection -> {
            message.spendNonce(connection);
            return null;
        });
    }
}
