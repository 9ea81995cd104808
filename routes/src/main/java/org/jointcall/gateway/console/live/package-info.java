/**
 * Live updates for open console pages: PostgreSQL notifications (raised by triggers when a proposal or
 * alert changes, whichever instance changed it) turned into Server-Sent Events for every subscriber of
 * this instance.
 */
package org.jointcall.gateway.console.live;
