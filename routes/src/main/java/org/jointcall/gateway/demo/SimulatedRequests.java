package org.jointcall.gateway.demo;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;

import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;

/** A request a simulated partner received, as the signature code sees one: every header line as it arrived, the raw body. */
final class SimulatedRequests {

    private SimulatedRequests() {
    }

    static RequestMessage received(Request request) {
        List<HttpFields.FieldLine> lines = new ArrayList<>();
        for (HttpHeader header : request.getHeaders().all()) {
            header.values().forEach(value -> lines.add(new HttpFields.FieldLine(header.key(), value)));
        }
        return RequestMessage.of(request.getMethod().value(), URI.create(request.getAbsoluteUrl()), HttpFields.of(lines),
                request.getBody());
    }
}
