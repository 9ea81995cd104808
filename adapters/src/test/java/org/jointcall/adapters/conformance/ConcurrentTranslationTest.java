package org.jointcall.adapters.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jointcall.adapters.spi.AgencyAdapter;
import org.junit.jupiter.api.Test;

/** Routes share one adapter per agency across threads; translations must not interfere with each other. */
class ConcurrentTranslationTest {

    @Test
    void oneAdapterServesManyThreadsWithIdenticalResults() throws Exception {
        List<Sample> samples = Samples.all().collect(Collectors.toList());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Sample sample : samples) {
                AgencyAdapter adapter = sample.adapter();
                String expected = new String(adapter.fromCanonical(adapter.toCanonical(sample.bytes()).message()).body(),
                        java.nio.charset.StandardCharsets.UTF_8);
                List<Future<String>> results = IntStream.range(0, 8)
                        .mapToObj(i -> pool.submit(() -> new String(adapter.fromCanonical(adapter.toCanonical(sample.bytes()).message()).body(),
                                java.nio.charset.StandardCharsets.UTF_8)))
                        .collect(Collectors.toList());
                for (Future<String> result : results) {
                    assertThat(result.get()).as("%s", sample).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
