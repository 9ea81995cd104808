package org.jointcall.gateway.metrics;

import java.time.Duration;

/**
 * The events of a message's life that operators count, recorded where they happen: the inbound
 * route, the security log and the delivery worker. One method per event, so a call site says what
 * happened and never how it is measured.
 */
public interface MessageMetrics {

    /** Records nothing: for unit tests of the flows, which are not about metrics. */
    MessageMetrics NONE = new MessageMetrics() {
        @Override
        public void received(String agency, String kind) {
        }

        @Override
        public void refused(String problemType) {
        }

        @Override
        public void delivered(String agency, String kind, Duration latency) {
        }

        @Override
        public void offeredForPull(String agency, String kind) {
        }

        @Override
        public void retryScheduled(String agency) {
        }

        @Override
        public void deadLettered(String agency) {
        }
    };

    /** A partner's signed message was taken into the ledger (a repeated message id is not counted again). */
    void received(String agency, String kind);

    /** An inbound request was refused with the problem type {@code problemType} (its slug, e.g. {@code signature-invalid}). */
    void refused(String problemType);

    /** A message was pushed to {@code agency} and its signed receipt verified, {@code latency} after the push began. */
    void delivered(String agency, String kind, Duration latency);

    /** A message for a pull-mode agency was put into its inbox. */
    void offeredForPull(String agency, String kind);

    /** A push to {@code agency} failed and will be tried again after a backoff. */
    void retryScheduled(String agency);

    /** A message to {@code agency} failed its last attempt and is now a dead letter. */
    void deadLettered(String agency);
}
