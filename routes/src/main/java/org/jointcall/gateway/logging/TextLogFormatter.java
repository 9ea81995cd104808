package org.jointcall.gateway.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.slf4j.MDC;

/**
 * One readable line per record: UTC time, level, logger, thread, message, then the {@link Correlation}
 * ids of the message being handled as {@code key=value}, and the stack trace on the lines after, e.g.
 * {@code 2026-11-29T01:02:03.456Z INFO org.jointcall.gateway.delivery.DeliveryWorker [delivery-push-1] Outbox
 * message … delivered to NSF … outboxId=12 messageId=… agency=NSF}. Like {@link JsonLogFormatter}, it reads
 * the MDC at format time, so it belongs on a handler that formats on the logging thread.
 */
public final class TextLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(200)
                .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                .append(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName()).append(" [")
                .append(Thread.currentThread().getName()).append("] ")
                .append(formatMessage(record));
        Map<String, String> correlation = MDC.getCopyOfContextMap();
        if (correlation != null) {
            correlation.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        }
        line.append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }
}
