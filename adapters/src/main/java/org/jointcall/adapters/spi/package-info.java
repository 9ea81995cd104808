/**
 * The contract between the gateway and its agency translators. An {@link org.jointcall.adapters.spi.AgencyAdapter}
 * turns one agency's native bytes into a canonical message and back, always together with a
 * {@link org.jointcall.adapters.spi.TranslationReport} of what could not be carried; bad input ends in a
 * {@link org.jointcall.adapters.spi.TranslationException} naming the field and where it is.
 */
package org.jointcall.adapters.spi;
