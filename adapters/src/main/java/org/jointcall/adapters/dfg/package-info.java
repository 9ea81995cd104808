/**
 * The German Research Foundation's format: XML with German element names, GEPRIS project numbers,
 * amounts in euros, dates {@code dd.MM.yyyy}, and the decisions Bewilligung / Teilbewilligung / Ablehnung.
 */
package org.jointcall.adapters.dfg;
