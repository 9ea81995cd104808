/** The least any gateway following the signed API profile must do per message, measured on this machine. */
package org.jointcall.bench.floor;
