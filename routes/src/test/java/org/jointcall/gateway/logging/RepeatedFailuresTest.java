package org.jointcall.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A poller failing at every tick is one log line, then at most one a quiet period with the count. */
class RepeatedFailuresTest {

    private final List<String> lines = new ArrayList<>();
    private final Logger jul = Logger.getLogger(RepeatedFailures.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage() + (record.getThrown() == null ? "" : " +stack trace"));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        jul.addHandler(capture);
    }

    @AfterEach
    void release() {
        jul.removeHandler(capture);
    }

    @Test
    void aHundredFailuresOfOneRouteAreOneLineWithoutAStackTraceAndAnotherRouteStillGetsItsOwn() {
        RepeatedFailures failures = new RepeatedFailures();
        DefaultCamelContext camel = new DefaultCamelContext();
        for (int i = 0; i < 100; i++) {
            failures.process(failed(camel, "decision-apply"));
        }
        failures.process(failed(camel, "delivery-worker"));

        assertThat(lines).hasSize(2).noneMatch(line -> line.endsWith("+stack trace"));
        assertThat(lines.get(0)).startsWith("WARNING decision-apply failed: connection refused (cause: java.net.ConnectException");
        assertThat(lines.get(1)).startsWith("WARNING delivery-worker failed: ");
    }

    private static Exchange failed(DefaultCamelContext camel, String route) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getExchangeExtension().setFromRouteId(route);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new SQLException("connection refused", new java.net.ConnectException("refused")));
        return exchange;
    }
}
