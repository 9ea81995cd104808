package org.jointcall.gateway.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link MessageMetrics} that remembers every event, for tests that the flows record what happened. */
public final class RecordingMetrics implements MessageMetrics {

    /** One recorded event: what happened ({@code received}, {@code delivered} ...) and its first tag (agency or problem type). */
    public record Event(String name, String subject) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void received(String agency, String kind) {
        events.add(new Event("received", agency));
    }

    @Override
    public void refused(String problemType) {
        events.add(new Event("refused", problemType));
    }

    @Override
    public void delivered(String agency, String kind, Duration latency) {
        events.add(new Event("delivered", agency));
    }

    @Override
    public void offeredForPull(String agency, String kind) {
        events.add(new Event("offeredForPull", agency));
    }

    @Override
    public void retryScheduled(String agency) {
        events.add(new Event("retryScheduled", agency));
    }

    @Override
    public void deadLettered(String agency) {
        events.add(new Event("deadLettered", agency));
    }

    /** How often {@code name} was recorded for {@code subject}. */
    public long count(String name, String subject) {
        return events.stream().filter(event -> event.equals(new Event(name, subject))).count();
    }
}
