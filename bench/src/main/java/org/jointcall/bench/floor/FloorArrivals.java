package org.jointcall.bench.floor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jointcall.bench.load.OpenLoad;
import org.jointcall.gateway.demo.PartnerSimulator;

/**
 * The relay's pushes as the partners accepted them, by the partner message that caused them (the first line of
 * each push, {@code floor-push cause=<id>}): how many arrived and when the last did.
 */
final class FloorArrivals implements PartnerSimulator.Arrivals {

    /** Each partner message is pushed to the three partners other than its sender. */
    static final int PUSHES_PER_MESSAGE = 3;
    private static final String PREFIX = "floor-push cause=";

    private final Map<String, Completion> byCause = new ConcurrentHashMap<>();

    @Override
    public void answered(String agency, int status, byte[] body) {
        long now = System.currentTimeMillis();
        if (status / 100 != 2) {
            return;
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        if (!text.startsWith(PREFIX) || end < 0) {
            return;
        }
        byCause.merge(text.substring(PREFIX.length(), end), new Completion(1, now),
                (earlier, next) -> new Completion(earlier.count() + 1, Math.max(earlier.lastAt(), next.lastAt())));
    }

    Completion completion(String cause) {
        return byCause.get(cause);
    }

    /** Waits until every one of {@code messages} has all its pushes, at most {@code patience}; whether they did. */
    boolean awaitAll(List<OpenLoad.Sent> messages, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (messages.stream().allMatch(message -> {
                Completion done = byCause.get(message.planned().messageId());
                return done != null && done.count() >= PUSHES_PER_MESSAGE;
            })) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** @param lastAt epoch milliseconds of the latest acceptance */
    record Completion(int count, long lastAt) {
    }
}
