/**
 * The coordinator console's backend: the JSON API under {@code /api/v1/console} (Jakarta REST, beside
 * Camel's partner API), its login and roles, its read models over the exchange tables, and live
 * updates. The pages themselves are static files under {@code /console/}.
 */
package org.jointcall.gateway.console;
