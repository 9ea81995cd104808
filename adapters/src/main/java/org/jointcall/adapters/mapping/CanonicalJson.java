package org.jointcall.adapters.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.binding.ValidatedMessage;
import org.jointcall.contracts.v1.CanonicalMessage;

/**
 * The bridge between the canonical objects and their JSON form, on which bindings work. It goes through
 * the contracts' own codec, so the JSON the adapters see is exactly the canonical JSON partners see, and
 * a message the adapters assemble passes the same contract checks as one received as canonical JSON.
 */
final class CanonicalJson {

    private static final ObjectMapper TREES = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final CanonicalCodec CODEC = new CanonicalCodec();

    private CanonicalJson() {
    }

    /** @throws org.jointcall.contracts.validation.ContractViolation when the message breaks the canonical contract */
    static ObjectNode toTree(CanonicalMessage message) {
        return CODEC.toTree(message);
    }

    /** A stored message's XML (see {@link CanonicalCodec#fromStoredXml}) as a tree; it is not validated again. */
    static ObjectNode storedXmlToTree(byte[] canonicalXml) {
        return CODEC.storedXmlToTree(canonicalXml);
    }

    /**
     * The message and the canonical XML it was validated as.
     *
     * @throws org.jointcall.contracts.validation.ContractViolation when the tree breaks the canonical contract
     */
    static ValidatedMessage toMessage(ObjectNode tree) {
        try {
            return CODEC.fromJsonAsXml(TREES.writeValueAsBytes(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Jackson tree always serialises", e);
        }
    }
}
