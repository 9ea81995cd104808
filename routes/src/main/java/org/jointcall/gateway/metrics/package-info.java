/**
 * What the gateway counts and times, served by Payara's MicroProfile Metrics at {@code /metrics}
 * (Prometheus text, application scope): messages in and out per agency and kind, delivery latency,
 * retries, dead letters, refusals by problem type and the outbox depth. The flows record through
 * {@link org.jointcall.gateway.metrics.MessageMetrics} only, so they stay testable without a metrics runtime.
 */
package org.jointcall.gateway.metrics;
