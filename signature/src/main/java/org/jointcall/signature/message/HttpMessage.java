package org.jointcall.signature.message;

/**
 * A request or a response, as far as signing is concerned: fields and body. The two kinds differ in
 * which derived components they offer ({@code @method} and friends for requests, {@code @status} for
 * responses), so the type is closed over exactly those two.
 */
public sealed interface HttpMessage permits RequestMessage, ResponseMessage {

    /** The header fields in message order. */
    HttpFields fields();

    /** A copy of the body bytes as transmitted (after content coding); empty when there is no body. */
    byte[] body();

    /** The same message with other header fields. */
    HttpMessage withFields(HttpFields fields);
}
