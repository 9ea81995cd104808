package org.jointcall.gateway.exchange;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jointcall.gateway.signature.SecurityEvent;
import org.jointcall.gateway.signature.SecurityLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route's error handler: a {@link ProblemException} becomes its problem response and a
 * security-log entry (nothing reaches the ledger); anything else is a gateway fault, answered with a
 * generic 500 problem — the partner may retry — and logged with its stack trace.
 */
@ApplicationScoped
public class RefusalStep implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalStep.class);

    @Inject
    SecurityLog securityLog;

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Optional<InboundMessage> message = InboundMessage.find(exchange);
        String path = message.map(InboundMessage::path).orElse(null);
        if (failure instanceof ProblemException refused) {
            Problem problem = refused.problem().at(path);
            securityLog.record(new SecurityEvent(message.map(InboundMessage::pathAgency).orElse(null),
                    message.map(InboundMessage::remoteAddress).orElse(null), problem.slug(), problem.status(), problem.detail(),
                    message.flatMap(InboundMessage::keyId).orElse(null), message.map(InboundMessage::bodyDigest).orElse(null)));
            ProblemResponse.write(exchange, problem);
            return;
        }
        LOG.error("Inbound message to {} failed: {}", path, failure, failure);
        ProblemResponse.write(exchange, Problem.of(ProblemType.INTERNAL_ERROR, "the gateway could not process the message ("
                + (failure == null ? "unknown failure" : failure.getClass().getSimpleName())
                + "); nothing was stored, the message may be sent again").at(path));
    }
}
