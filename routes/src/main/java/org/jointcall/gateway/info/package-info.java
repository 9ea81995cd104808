/**
 * The operator's first question, "what exactly is running here?": {@code GET /api/v1/info} with
 * the gateway, Camel, Java, Jackson and JAXB versions actually loaded in this instance.
 */
package org.jointcall.gateway.info;
