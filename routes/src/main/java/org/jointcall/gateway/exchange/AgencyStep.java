package org.jointcall.gateway.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jointcall.adapters.spi.AdapterRegistry;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.jointcall.gateway.agency.Agency;
import org.jointcall.gateway.agency.AgencyDirectory;

/**
 * First step: the agency in the path must be a configured partner with an adapter, else 404. Starts
 * the {@link InboundMessage} state, so even this refusal is logged with its path and peer address.
 */
@ApplicationScoped
public class AgencyStep implements Processor {

    static final String AGENCY_HEADER = "agency";

    @Inject
    AgencyDirectory agencies;

    @Inject
    AdapterRegistry adapters;

    @Override
    public void process(Exchange exchange) {
        HttpServletRequest servlet = ServletRequests.of(exchange);
        String pathAgency = exchange.getIn().getHeader(AGENCY_HEADER, String.class);
        InboundMessage message = new InboundMessage(pathAgency, servlet.getRequestURI(), servlet.getRemoteAddr());
        exchange.setProperty(InboundMessage.PROPERTY, message);
        Agency agency = agencies.find(pathAgency).orElseThrow(() -> new ProblemException(Problem.of(ProblemType.AGENCY_UNKNOWN,
                "agency '" + pathAgency + "' is not a partner of this gateway; configured agencies are "
                        + agencies.all().stream().map(a -> a.code().code()).toList())));
        AgencyAdapter adapter = adapters.find(agency.code().code()).orElseThrow(() -> new ProblemException(Problem.of(
                ProblemType.AGENCY_UNKNOWN, "agency " + agency.code() + " is configured but the gateway has no adapter for its format;"
                        + " adapters exist for " + adapters.agencies())));
        message.agency(agency, adapter);
    }
}
