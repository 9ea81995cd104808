package org.jointcall.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Liveness;

/** The process is alive while Camel runs; a stopped or failed context calls for a restart. */
@Liveness
@ApplicationScoped
public class CamelLivenessCheck extends CamelRunningCheck {
}
