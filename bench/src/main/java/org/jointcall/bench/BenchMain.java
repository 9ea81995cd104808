package org.jointcall.bench;

/** How every benchmark's {@code main} runs: quiet JUL, the report on standard output, and an exit status. */
public final class BenchMain {

    /** A benchmark's body. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private BenchMain() {
    }

    /**
     * Runs {@code body} and ends the JVM: 0 when it returned, 1 when it threw (printed). The exit is explicit because
     * the partner simulators and the embedded PostgreSQL run on non-daemon threads and would keep the JVM alive.
     */
    public static void run(Body body) {
        // The embedded PostgreSQL and WireMock log through JUL at INFO: the report is what matters here.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
