package org.jointcall.contracts.binding;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Jackson's in-memory event buffer, holding each number as the number the canonical JSON text spells, so that a
 * tree read from it equals the tree read from that text. A plain buffer keeps the Java types: a {@code Long}
 * sequence would become a long node where the text "7" reads as an int node, and an amount of 180000000 (scale 0,
 * written plain) a decimal node where the text reads as an integer; equal trees matter because the adapters
 * compare and copy nodes by type.
 */
final class TextNumberBuffer extends TokenBuffer {

    TextNumberBuffer(ObjectCodec codec) {
        super(codec, false);
    }

    /** As a JSON parser types an integer: the smallest of int and long that holds it. */
    @Override
    public void writeNumber(long value) throws IOException {
        if (value == (int) value) {
            super.writeNumber((int) value);
        } else {
            super.writeNumber(value);
        }
    }

    @Override
    public void writeNumber(BigInteger value) throws IOException {
        if (value != null && value.bitLength() < Long.SIZE) {
            writeNumber(value.longValue());
        } else {
            super.writeNumber(value);
        }
    }

    /** Written plain, a decimal without a fraction is an integer in the text; one with a fraction keeps its scale. */
    @Override
    public void writeNumber(BigDecimal value) throws IOException {
        if (value != null && value.scale() <= 0) {
            writeNumber(value.toBigIntegerExact());
        } else {
            super.writeNumber(value);
        }
    }
}
