package org.jointcall.adapters.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jointcall.adapters.spi.SourcePosition;
import org.jointcall.adapters.spi.TranslationException;

/**
 * Every native format exchanged through the gateway is UTF-8. Decoding with replacement would turn
 * Shift_JIS or Latin-1 bytes labelled UTF-8 into U+FFFD and silently corrupt Japanese titles and German
 * umlauts, so the bytes are decoded strictly and the first bad byte is reported with its line and column.
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    static String decode(String agency, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new TranslationException(agency, "encoding", positionOf(bytes, offset),
                    String.format("byte 0x%02X at offset %d is not valid UTF-8; native messages must be encoded in UTF-8,"
                            + " whatever their XML declaration or charset parameter says (Shift_JIS, Latin-1 and UTF-16 are not read)", bytes[offset] & 0xFF, offset));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static SourcePosition positionOf(byte[] bytes, int offset) {
        String before;
        try {
            before = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, offset)).toString();
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException("the prefix before the first bad byte decoded already", impossible);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return SourcePosition.lineColumn(line, before.codePointCount(lineStart, before.length()) + 1);
    }
}
