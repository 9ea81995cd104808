/**
 * JMH benchmarks of translation throughput, per adapter and direction. They are compiled with the tests
 * but never run by {@code mvn verify}; run them with
 * {@code mvn -B -pl adapters -am -Pbench -DskipTests verify} (see the adapters README).
 */
package org.jointcall.adapters.bench;
