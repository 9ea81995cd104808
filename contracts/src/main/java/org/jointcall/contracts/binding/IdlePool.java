package org.jointcall.contracts.binding;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;

/**
 * Keeps objects that are costly to build, not thread-safe, but reusable one use at a time (XML readers,
 * validators, JAXB marshallers). A caller takes one, uses it alone and gives it back; when none is idle a
 * new one is built, so nobody ever waits. A pool rather than a thread-local: nothing stays tied to the
 * container's threads after the application is gone, and at most {@code capacity} idle objects are kept.
 * The adapters' native XML formats pool their parsers the same way.
 */
public final class IdlePool<T> {

    private final ArrayBlockingQueue<T> idle;
    private final Supplier<T> builder;

    public IdlePool(int capacity, Supplier<T> builder) {
        this.idle = new ArrayBlockingQueue<>(capacity);
        this.builder = builder;
    }

    public T take() {
        T item = idle.poll();
        return item != null ? item : builder.get();
    }

    /** Only for an object left in a state its next use starts cleanly from; a full pool lets it go. */
    public void giveBack(T item) {
        idle.offer(item);
    }
}
