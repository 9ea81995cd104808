package org.jointcall.gateway.it;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jointcall.gateway.persistence.Transactions;

/**
 * Real transactions that a test can watch: how many were begun and on which threads, and, when asked, the
 * first one held open after its work until the test lets it commit.
 */
public final class CountingTransactions extends Transactions {

    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWorkDone = new CountDownLatch(1);
    private final CountDownLatch releaseFirst;

    private CountingTransactions(DataSource dataSource, boolean holdFirst) {
        super(dataSource);
        this.releaseFirst = new CountDownLatch(holdFirst ? 1 : 0);
    }

    public static CountingTransactions on(DataSource dataSource) {
        return new CountingTransactions(dataSource, false);
    }

    /** Transactions whose first one waits, its work done and not yet committed, for {@link #releaseFirst()}. */
    public static CountingTransactions holdingTheFirst(DataSource dataSource) {
        return new CountingTransactions(dataSource, true);
    }

    @Override
    public <T> T inTransaction(Work<T> work) throws SQLException {
        boolean first;
        synchronized (threads) {
            first = threads.isEmpty();
            threads.add(Thread.currentThread().getName());
        }
        return super.inTransaction(connection -> {
            T result = work.run(connection);
            if (first) {
                firstWorkDone.countDown();
                try {
                    releaseFirst.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return result;
        });
    }

    public int begun() {
        return threads.size();
    }

    /** The name of the thread of each transaction begun, in order. */
    public List<String> threads() {
        return List.copyOf(threads);
    }

    public boolean awaitFirstWorkDone() throws InterruptedException {
        return firstWorkDone.await(10, TimeUnit.SECONDS);
    }

    public void releaseFirst() {
        releaseFirst.countDown();
    }
}
