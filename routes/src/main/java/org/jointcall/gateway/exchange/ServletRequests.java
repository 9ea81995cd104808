package org.jointcall.gateway.exchange;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.Exchange;
import org.apache.camel.http.common.HttpMessage;

/** The servlet request behind a camel-servlet exchange: peer address, raw headers, target URI. */
final class ServletRequests {

    private ServletRequests() {
    }

    static HttpServletRequest of(Exchange exchange) {
        HttpMessage http = exchange.getIn(HttpMessage.class);
        HttpServletRequest request = http != null ? http.getRequest()
                : exchange.getIn().getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
        if (request == null) {
            throw new IllegalStateException("exchange " + exchange.getExchangeId() + " did not come from the servlet endpoint");
        }
        return request;
    }
}
