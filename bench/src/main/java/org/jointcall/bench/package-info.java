/**
 * The gateway's published figures, measured on the real bundle with the integration tests' harness:
 * {@link org.jointcall.bench.BenchRun} is what {@code bench/run} starts. Benchmarks print figures and
 * write {@code bench/target/report.md}; they assert nothing and never run during {@code mvn verify}.
 */
package org.jointcall.bench;
