/**
 * The Japan Science and Technology Agency's format, in the style of e-Rad: XML in UTF-8 with Japanese
 * text, JST grant numbers {@code JPMJAP…}, 8-digit e-Rad researcher numbers, budgets in thousands of yen
 * (千円), research periods in Japanese fiscal years (年度, April to March), and the decisions 採択 / 不採択.
 */
package org.jointcall.adapters.jst;
