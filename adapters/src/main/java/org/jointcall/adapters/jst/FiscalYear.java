package org.jointcall.adapters.jst;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.Month;
import org.jointcall.adapters.mapping.Codecs;
import org.jointcall.adapters.mapping.ValueCodec;

/**
 * Japanese fiscal years (年度) run from 1 April to 31 March, and e-Rad states research periods in them:
 * 2026年度 to 2030年度 is 2026-04-01 to 2031-03-31. A canonical date that is not a fiscal-year boundary
 * cannot be said in this format, and writing it is refused rather than rounded.
 */
final class FiscalYear {

    private FiscalYear() {
    }

    /** The fiscal year a period starts in ⇄ its first day. */
    static ValueCodec start() {
        return Codecs.of("年度 (fiscal year) ⇄ its first day, 1 April",
                n -> TextNode.valueOf(LocalDate.of(year(n.asText()), Month.APRIL, 1).toString()),
                n -> {
                    LocalDate date = LocalDate.parse(n.asText());
                    if (date.getMonth() != Month.APRIL || date.getDayOfMonth() != 1) {
                        throw new IllegalArgumentException("JST periods start on 1 April of a fiscal year (年度), e.g. "
                                + date.getYear() + "-04-01");
                    }
                    return LongNode.valueOf(date.getYear());
                });
    }

    /** The fiscal year a period ends in ⇄ its last day, 31 March of the next calendar year. */
    static ValueCodec end() {
        return Codecs.of("年度 (fiscal year) ⇄ its last day, 31 March of the next year",
                n -> TextNode.valueOf(LocalDate.of(year(n.asText()) + 1, Month.MARCH, 31).toString()),
                n -> {
                    LocalDate date = LocalDate.parse(n.asText());
                    if (date.getMonth() != Month.MARCH || date.getDayOfMonth() != 31) {
                        throw new IllegalArgumentException("JST periods end on 31 March, the last day of a fiscal year (年度), e.g. "
                                + date.getYear() + "-03-31");
                    }
                    return LongNode.valueOf(date.getYear() - 1L);
                });
    }

    private static int year(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a fiscal year (年度) such as 2026", e);
        }
    }
}
