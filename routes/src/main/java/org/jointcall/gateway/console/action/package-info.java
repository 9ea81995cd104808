/**
 * What console users change: annotations, dead-letter resends and resolutions, reopening a rejected
 * proposal. Each action and its audit row commit in one transaction.
 */
package org.jointcall.gateway.console.action;
