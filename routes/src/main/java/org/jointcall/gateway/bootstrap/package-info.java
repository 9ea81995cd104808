/**
 * How the gateway comes to life inside Payara Micro: the CDI bean that orders startup (database,
 * migrations, Camel) and shutdown, and the Camel context built from the RouteBuilders that are CDI
 * beans. Flows themselves live in their own packages.
 */
package org.jointcall.gateway.bootstrap;
