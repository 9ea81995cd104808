package org.jointcall.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class GatewayLogHandlerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void writesEveryLineInOrderWithTheCorrelationIdsOfTheLoggingThread() throws Exception {
        GatewayLogHandler handler = new GatewayLogHandler(out, new TextLogFormatter());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String agency = "A" + t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    try (Correlation ignored = Correlation.of(Correlation.AGENCY, agency)) {
                        handler.publish(record(Level.INFO, agency + " line " + i));
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        handler.flush();

        List<String> lines = written().lines().toList();
        assertThat(lines).hasSize(2000);
        for (int t = 0; t < 4; t++) {
            String agency = "A" + t;
            List<String> own = lines.stream().filter(line -> line.contains(" " + agency + " line ")).toList();
            assertThat(own).hasSize(500).allSatisfy(line -> assertThat(line).endsWith("agency=" + agency));
            for (int i = 0; i < 500; i++) {
                assertThat(own.get(i)).contains(agency + " line " + i + " ");
            }
        }
        handler.close();
    }

    @Test
    void aWarningIsWrittenBeforePublishReturns() {
        GatewayLogHandler handler = new GatewayLogHandler(out, new TextLogFormatter());
        handler.publish(record(Level.INFO, "first"));
        handler.publish(record(Level.SEVERE, "failed to start"));

        assertThat(written()).contains(" INFO org.jointcall.test [", "] first", " SEVERE org.jointcall.test [", "] failed to start");
        handler.close();
    }

    @Test
    void writesJsonLinesWithTheJsonFormatter() {
        GatewayLogHandler handler = new GatewayLogHandler(out, new JsonLogFormatter());
        try (Correlation ignored = Correlation.of(Correlation.MESSAGE_ID, "nsf-1")) {
            handler.publish(record(Level.INFO, "Accepted nsf-1"));
        }
        handler.flush();

        assertThat(written()).startsWith("{").contains("\"message\":\"Accepted nsf-1\"", "\"messageId\":\"nsf-1\"");
        handler.close();
    }

    @Test
    void ignoresRecordsAfterClose() {
        GatewayLogHandler handler = new GatewayLogHandler(out, new TextLogFormatter());
        handler.publish(record(Level.INFO, "before"));
        handler.close();
        handler.publish(record(Level.SEVERE, "after"));

        assertThat(written()).contains("before").doesNotContain("after");
    }

    private String written() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("org.jointcall.test");
        return record;
    }
}
