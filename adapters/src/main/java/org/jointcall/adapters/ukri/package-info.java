/**
 * UK Research and Innovation's format, in the style of the UKRI Funding Service and Gateway to Research:
 * JSON, grant references such as {@code EP/T022159/1}, amounts in pounds sterling, instants and dates as
 * epoch milliseconds, review scores 1–6, and the outcomes funded / not funded.
 */
package org.jointcall.adapters.ukri;
