/**
 * The bidirectional mapping engine every agency adapter is built on. A mapping is a list of
 * {@link org.jointcall.adapters.mapping.Binding}s, each of which knows one correspondence between a native
 * field and a canonical field and so serves both directions; what a native format cannot carry is found
 * by reading the written document back and comparing, so a translation report can never miss a loss.
 */
package org.jointcall.adapters.mapping;
