package org.jointcall.gateway.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * Writes the gateway's log records as JSON lines to the process's standard output, formatting each
 * on the thread that logs it (so the {@link Correlation} ids in the MDC are the right ones) and
 * flushing each line, as a container log collector expects. Payara's own text log goes to standard
 * error, so {@code 2>} separates the two streams.
 */
final class JsonLogHandler extends StreamHandler {

    JsonLogHandler() {
        // The file descriptor itself, not System.out, which a server may have redirected into its own log.
        super(new FileOutputStream(FileDescriptor.out), new JsonLogFormatter());
        try {
            setEncoding(StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
    }

    /** Flushes, but never closes standard output. */
    @Override
    public synchronized void close() {
        flush();
    }
}
