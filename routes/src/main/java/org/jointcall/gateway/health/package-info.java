/**
 * MicroProfile Health checks that Payara Micro serves at {@code /health/live} and
 * {@code /health/ready}: whether Camel runs and whether the database answers. Each check names
 * what it looked at, so an operator reading the JSON knows what is wrong.
 */
package org.jointcall.gateway.health;
