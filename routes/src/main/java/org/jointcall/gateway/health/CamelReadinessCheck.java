package org.jointcall.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;

/** The gateway takes traffic only once every route has started. */
@Readiness
@ApplicationScoped
public class CamelReadinessCheck extends CamelRunningCheck {
}
