package org.jointcall.gateway.exchange;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.camel.component.servlet.CamelHttpTransportServlet;

/**
 * Camel's servlet for the REST DSL (the partner API under {@code /api}), with one thing added: a 405 says which
 * methods the path does take. RFC 9110 §15.5.6 requires the {@code Allow} header on a 405, and Camel writes it
 * only when answering {@code OPTIONS}; here it is worked out the same way, from Camel's own consumers, so the
 * two always agree. {@link ProblemErrorPage} then writes the problem document and names the methods in it.
 */
public class PartnerApiServlet extends CamelHttpTransportServlet {

    private static final long serialVersionUID = 1L;
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        super.service(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                announceAllowed(request, this, status);
                super.sendError(status);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                announceAllowed(request, this, status);
                super.sendError(status, message);
            }
        });
    }

    private void announceAllowed(HttpServletRequest request, HttpServletResponse response, int status) {
        if (status != HttpServletResponse.SC_METHOD_NOT_ALLOWED || response.containsHeader("Allow")) {
            return;
        }
        String allowed = METHODS.stream()
                .filter(method -> "OPTIONS".equals(method)
                        || getServletResolveConsumerStrategy().isHttpMethodAllowed(request, method, getConsumers()))
                .collect(Collectors.joining(", "));
        response.setHeader("Allow", allowed);
    }
}
