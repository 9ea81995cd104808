package org.jointcall.gateway.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Writes the gateway's log lines to a stream from one writer thread. Each record is formatted on the
 * thread that logs it (so the {@link Correlation} ids in the MDC are the right ones) and queued; the
 * writer writes whatever has queued up in one go and flushes once per batch.
 *
 * <p>Why not a {@code StreamHandler}: it formats, writes and flushes under one lock. With a line per
 * accepted message and per delivery and dozens of request threads, that lock (Payara's
 * {@code ConsoleHandler} is one) was the most contended monitor of the gateway in {@code bench/run}'s
 * JFR profile, and the threads spinning on it burned more CPU than the messages themselves.
 *
 * <p>A full queue blocks the logging thread rather than dropping lines. Warnings and errors are written
 * before {@link #publish} returns, so a line explaining a failure is out even if the process exits next.
 */
final class GatewayLogHandler extends Handler {

    private static final int QUEUE_LINES = 16_384;
    private static final long FLUSH_PATIENCE_SECONDS = 5;

    private final OutputStream out;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_LINES);
    private final Thread writer;
    private volatile boolean closed;

    GatewayLogHandler(OutputStream out, Formatter formatter) {
        this.out = out;
        setFormatter(formatter);
        writer = new Thread(this::writeLines, "gateway-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("log record not formattable", e, java.util.logging.ErrorManager.FORMAT_FAILURE);
            return;
        }
        enqueue(line);
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            flush();
        }
    }

    /** Returns once every line queued before the call is written and flushed (or after a few seconds). */
    @Override
    public void flush() {
        if (Thread.currentThread() == writer || !writer.isAlive()) {
            return;
        }
        CountDownLatch written = new CountDownLatch(1);
        enqueue(written);
        try {
            written.await(FLUSH_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then stops the writer; standard output itself stays open. */
    @Override
    public void close() {
        flush();
        closed = true;
        writer.interrupt();
    }

    private void enqueue(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLines() {
        List<Object> batch = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            List<CountDownLatch> flushed = new ArrayList<>();
            for (Object item : batch) {
                if (item instanceof CountDownLatch latch) {
                    flushed.add(latch);
                } else {
                    text.append((String) item);
                }
            }
            try {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                reportError("cannot write log lines", e, java.util.logging.ErrorManager.WRITE_FAILURE);
            }
            flushed.forEach(CountDownLatch::countDown);
            batch.clear();
            text.setLength(0);
        }
    }
}
