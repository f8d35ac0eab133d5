package org.spikelane.cli.output;

/**
 * CSV fields per RFC 4180: a field holding a comma, a double quote or a line break is written in
 * double quotes, its quotes doubled; any other field as it is. Population and variable names come
 * from scenarios and may hold any of these, and one unquoted comma would shift every column after it.
 */
public final class Csv {
    private Csv() {}

    public static String field(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
