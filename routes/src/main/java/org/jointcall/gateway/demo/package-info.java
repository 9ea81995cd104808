/**
 * The demo mode ({@code gateway.demo=true}): partner agencies simulated inside the gateway's process
 * (WireMock, each with its own key pair, signing receipts like a real partner), two example ASPIRE
 * joint calls, and a scenario played over signed HTTP to the gateway's own partner API so that the
 * console shows real traffic on the first run. The partner simulator and the sample messages serve
 * the integration tests too.
 */
package org.jointcall.gateway.demo;
