package org.jointcall.gateway.console.api;

import java.io.IOException;
import java.io.InputStream;

import org.jointcall.gateway.agency.ConfigurationRejected;
import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemType;

/**
 * The bodies of the admin API's configuration documents: read as the exact bytes sent (they are
 * checked by the configuration's own validators and written to the configuration directory as they
 * are), and refused as a 400 problem listing everything wrong with them.
 */
final class ConfigurationBodies {

    /** Far above any agency.json, call definition or key set; a larger body is not configuration. */
    static final int MAX_BYTES = 1 << 20;

    private ConfigurationBodies() {
    }

    static byte[] read(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        if (bytes.length == 0) {
            throw new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, "the document is missing: send it as the request body"));
        }
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, "the document is larger than " + MAX_BYTES
                    + " bytes; configuration documents are far smaller"));
        }
        return bytes;
    }

    /** The 400 answer to a refused document: every problem, one per line in {@code problems}, nothing written. */
    static ProblemException rejected(ConfigurationRejected rejected) {
        return new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, rejected.getMessage() + " (nothing was written)")
                .with("problems", String.join("\n", rejected.problems())), rejected);
    }
}
