/**
 * The US National Science Foundation's format, in the style of Research.gov: JSON, 7-digit proposal
 * numbers, {@code MM/dd/yyyy} dates, amounts in US dollars, reviewer ratings E/V/G/F/P including split
 * ratings such as "V/G", panel categories, and the decisions award, decline, return without review and
 * withdrawn. The schema and field-mapping table live next to this package's resources.
 */
package org.jointcall.adapters.nsf;
