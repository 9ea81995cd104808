package org.jointcall.gateway.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.MDC;

/**
 * One JSON object per line: {@code timestamp}, {@code level}, {@code logger}, {@code thread},
 * {@code message}, the {@link Correlation} ids of the message being handled as top-level fields, and
 * {@code exception} with the stack trace.
 *
 * <p>The ids come from the MDC at format time, so this formatter belongs only on a handler that
 * formats on the logging thread (as {@link GatewayLogHandler} does). Payara's own handlers with
 * {@code --logToFile} queue records and format them on another thread, where the MDC is empty: Payara's
 * {@code JSONLogFormatter} behind them would lose the ids, which is why the gateway has its own.
 */
public final class JsonLogFormatter extends Formatter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format(LogRecord record) {
        ObjectNode line = JSON.createObjectNode()
                .put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString())
                .put("level", record.getLevel().getName())
                .put("logger", record.getLoggerName())
                .put("thread", Thread.currentThread().getName())
                .put("message", formatMessage(record));
        Map<String, String> correlation = MDC.getCopyOfContextMap();
        if (correlation != null) {
            correlation.forEach(line::put);
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("exception", trace.toString());
        }
        try {
            return JSON.writeValueAsString(line) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            return "{\"level\":\"SEVERE\",\"message\":\"log record not writable as JSON: " + e.getOriginalMessage() + "\"}"
                    + System.lineSeparator();
        }
    }
}
