package org.jointcall.signature.structured;

import java.util.ArrayList;
import java.util.List;

import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.OuterList;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.Type;

/**
 * Parses the lines of one field as a structured value.
 *
 * <p>All lines of a field are combined before parsing (RFC 8941 §4.2), so a dictionary split over two
 * {@code Signature-Input} lines is one dictionary. Leading and trailing whitespace of each line is
 * removed first, as HTTP does before handing a value to the parser.
 */
public final class StructuredFields {

    private StructuredFields() {
    }

    /** The lines of {@code fieldName} as a dictionary; an error names the field and the position. */
    public static Dictionary parseDictionary(String fieldName, List<String> lines) {
        return (Dictionary) parse(fieldName, StructuredFieldType.DICTIONARY, lines);
    }

    /** The lines of {@code fieldName} as a list. */
    public static OuterList parseList(String fieldName, List<String> lines) {
        return (OuterList) parse(fieldName, StructuredFieldType.LIST, lines);
    }

    /** The lines of {@code fieldName} as a single item. */
    public static Item<?> parseItem(String fieldName, List<String> lines) {
        return (Item<?>) parse(fieldName, StructuredFieldType.ITEM, lines);
    }

    /** The lines of {@code fieldName} parsed as {@code type}. */
    public static Type<?> parse(String fieldName, StructuredFieldType type, List<String> lines) {
        if (lines.isEmpty()) {
            throw new MalformedFieldException(fieldName, "the field is absent, so there is no " + type.name().toLowerCase() + " to parse");
        }
        List<String> trimmed = new ArrayList<>(lines.size());
        for (String line : lines) {
            trimmed.add(trimOws(line));
        }
        try {
            Parser parser = new Parser(trimmed);
            switch (type) {
                case DICTIONARY:
                    return parser.parseDictionary();
                case LIST:
                    return parser.parseList();
                default:
                    return parser.parseItem();
            }
        } catch (ParseException e) {
            throw new MalformedFieldException(fieldName, "not a valid RFC 8941 " + type.name().toLowerCase() + ": "
                    + e.getMessage() + " at position " + e.getPosition() + " of '" + String.join(", ", trimmed) + "'", e);
        }
    }

    /** The value without leading and trailing spaces and tabs (HTTP's OWS). */
    public static String trimOws(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isOws(value.charAt(start))) {
            start++;
        }
        while (end > start && isOws(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
