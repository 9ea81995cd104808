package org.jointcall.gateway.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.Signed;
import org.jointcall.signature.keys.SigningIdentity;
import org.jointcall.signature.message.HttpFields;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;

/**
 * Signs a simulated partner's answers as the agency's receipts: every 2xx answer, and every status
 * answer short of a 5xx, covering {@code @status}, {@code content-digest} and the gateway's request
 * signature — what the gateway verifies before it counts a message as delivered.
 */
final class SignedReceipts implements ResponseTransformerV2 {

    private final MessageSigner signer;

    SignedReceipts(SigningIdentity key) {
        this.signer = new MessageSigner(key, Clock.systemUTC());
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        boolean statusAnswer = request.getUrl().startsWith(PartnerSimulator.STATUS_PATH) && response.getStatus() < 500;
        if (response.getStatus() / 100 != 2 && !statusAnswer) {
            return response;
        }
        RequestMessage received = SimulatedRequests.received(request);
        byte[] body = response.getBody();
        String contentType = response.getHeaders().getContentTypeHeader().isPresent()
                ? response.getHeaders().getContentTypeHeader().firstValue() : "application/json";
        Signed<ResponseMessage> receipt = signer.signReceipt(
                ResponseMessage.of(response.getStatus(), HttpFields.of("Content-Type", contentType), body).answering(received));
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader("Content-Type", contentType));
        receipt.addedFields().lines().forEach(line -> headers.add(new HttpHeader(line.name(), line.value())));
        return Response.Builder.like(response).but().headers(new HttpHeaders(headers)).body(body).build();
    }

    @Override
    public String getName() {
        return "jointcall-receipt-signer";
    }
}
