/**
 * The gateway instances that share one database: each registers itself and beats a heartbeat
 * into {@code gateway_instance}, the ground for showing operators which instances are alive and
 * for sharing work between them later.
 */
package org.jointcall.gateway.instance;
