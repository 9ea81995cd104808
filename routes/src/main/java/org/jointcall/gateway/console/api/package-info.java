/**
 * The console's JSON API under {@code /api/v1/console} (contract: the console API document shared with
 * the pages): one resource class per area, the access filter that applies roles and the CSRF check
 * to every endpoint, and RFC 9457 problem answers for every error.
 */
package org.jointcall.gateway.console.api;
