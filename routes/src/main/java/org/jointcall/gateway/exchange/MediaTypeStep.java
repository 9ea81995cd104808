package org.jointcall.gateway.exchange;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Third step: the body's media type (parameters such as {@code charset} aside) must be one the
 * agency's adapter reads, else 415 naming the ones it does.
 */
@ApplicationScoped
public class MediaTypeStep implements Processor {

    @Override
    public void process(Exchange exchange) {
        InboundMessage message = InboundMessage.of(exchange);
        List<String> contentTypes = message.request().fields().values("Content-Type");
        List<String> accepted = message.adapter().mediaTypes();
        String mediaType = contentTypes.size() == 1 ? mediaType(contentTypes.get(0)) : null;
        if (mediaType == null || accepted.stream().noneMatch(type -> type.equalsIgnoreCase(mediaType))) {
            throw new ProblemException(Problem.of(ProblemType.MEDIA_TYPE_UNSUPPORTED, "Content-Type "
                    + (contentTypes.isEmpty() ? "is missing" : String.join(", ", contentTypes)) + "; agency "
                    + message.agency().code() + " sends " + String.join(" or ", accepted)));
        }
    }

    /** The type/subtype of a Content-Type value, lower case, without parameters. */
    static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }
}
