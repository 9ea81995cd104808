package org.jointcall.gateway.agency;

/** How an agency receives the gateway's messages. */
public enum DeliveryMode {
    /** The gateway POSTs to the agency's endpoint. */
    PUSH,
    /** The agency has no endpoint and fetches its inbox from the gateway. */
    PULL
}
