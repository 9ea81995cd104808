/**
 * Checks of the container deployment in {@code docker/} that need no Docker engine: the Dockerfile's
 * rules, the compose cluster's shape, the load balancer and the partner simulators' stubs. They run
 * with the unit tests so a change to the gateway's versions or configuration cannot silently leave
 * the deployment files behind.
 */
package org.jointcall.gateway.deployment;
