package org.jointcall.gateway.signature;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jointcall.gateway.agency.GatewayIdentity;
import org.jointcall.signature.MessageSigner;
import org.jointcall.signature.Signed;
import org.jointcall.signature.message.RequestMessage;
import org.jointcall.signature.message.ResponseMessage;

/**
 * Everything the gateway signs goes through here, with its one identity: outbound requests to
 * partners and the receipts it answers them with. One bean, so the key is loaded once and no
 * caller can sign with anything else.
 */
@ApplicationScoped
public class GatewaySigner {

    private MessageSigner signer;
    private String keyId;

    /** For the CDI proxy only. */
    protected GatewaySigner() {
    }

    @Inject
    public GatewaySigner(GatewayIdentity identity) {
        this.keyId = identity.identity().keyId();
        this.signer = new MessageSigner(identity.identity(), Clock.systemUTC());
    }

    /** For tests and tools: a signer over an already built {@link MessageSigner}. */
    public GatewaySigner(MessageSigner signer, String keyId) {
        this.signer = signer;
        this.keyId = keyId;
    }

    /** Signs an outbound request; copy {@link Signed#addedFields()} onto the HTTP request. */
    public Signed<RequestMessage> signRequest(RequestMessage request) {
        return signer.signRequest(request);
    }

    /** Signs a receipt linked (with {@code answering}) to the verified request it acknowledges. */
    public Signed<ResponseMessage> signReceipt(ResponseMessage response) {
        return signer.signReceipt(response);
    }

    /** The {@code keyid} partners know the gateway by. */
    public String keyId() {
        return keyId;
    }
}
