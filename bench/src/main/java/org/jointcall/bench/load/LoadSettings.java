package org.jointcall.bench.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A stepped load's settings, as system properties under one prefix: {@code <prefix>.rates} (partner messages per
 * second, one step each), {@code <prefix>.step-seconds} (60), {@code <prefix>.warmup-rate},
 * {@code <prefix>.warmup-seconds} (60) and {@code <prefix>.senders} (concurrent partner connections, 64).
 */
public record LoadSettings(List<Integer> rates, Duration step, double warmupRate, Duration warmup, int senders) {

    public static LoadSettings read(String prefix, String defaultRates, double defaultWarmupRate) {
        return new LoadSettings(
                Arrays.stream(System.getProperty(prefix + ".rates", defaultRates).split(",")).map(String::trim).map(Integer::parseInt).toList(),
                Duration.ofSeconds(Long.getLong(prefix + ".step-seconds", 60)),
                Double.parseDouble(System.getProperty(prefix + ".warmup-rate", Double.toString(defaultWarmupRate))),
                Duration.ofSeconds(Long.getLong(prefix + ".warmup-seconds", 60)),
                Integer.getInteger(prefix + ".senders", 64));
    }
}
