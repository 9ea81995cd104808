/**
 * Where the gateway keeps its state: the one PostgreSQL database (external when configured,
 * otherwise an embedded server with its data under the working directory), its HikariCP pool,
 * and the Flyway migrations that shape its schema. Nothing here knows about Camel or HTTP.
 */
package org.jointcall.gateway.persistence;
