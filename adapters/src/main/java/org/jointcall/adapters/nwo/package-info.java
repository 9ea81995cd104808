/**
 * The Dutch Research Council's format, in the style of NWOpen: snake_case JSON, project ids such as
 * {@code NWA.1160.18.238}, organisations written as {@code "University||Faculty||Department"}, the
 * qualifications excellent / very good / good / unsatisfactory, and amounts in euros.
 */
package org.jointcall.adapters.nwo;
