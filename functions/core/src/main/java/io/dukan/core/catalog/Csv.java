package io.dukan.core.catalog;

import io.dukan.core.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, small and strict: fields separated by commas, records by CRLF or LF; a field in double quotes may
 * hold commas, quotes (doubled) and line breaks. A leading byte-order mark (spreadsheets write one) is skipped.
 * Each record remembers the line it starts on, so errors can name it.
 */
public final class Csv {

    /** One record: the file line it starts on (1-based) and its fields. */
    public record Row(int line, List<String> fields) {

        public String get(int column) {
            return column < fields.size() ? fields.get(column) : "";
        }

        public boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private Csv() {}

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int n = text.length();
        int line = 1;
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new InvalidInputException("file", "line " + start + ": a quoted field is not closed");
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append(c);
                        }
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw new InvalidInputException(
                                "file",
                                "line " + line
                                        + ": unexpected text after a closing quote (quotes inside a field are doubled: \"\")");
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        char c = text.charAt(i++);
                        if (c == '"') {
                            throw new InvalidInputException(
                                    "file",
                                    "line " + line
                                            + ": a quote inside an unquoted field (put the field in quotes and double the quote)");
                        }
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= n) {
                    endOfRecord = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    if (text.charAt(i) == '\r') {
                        i++;
                    }
                    if (i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                }
            }
            rows.add(new Row(start, List.copyOf(fields)));
        }
        return rows;
    }

    /** One record, quoting what needs it, ended by CRLF. */
    public static void writeRow(StringBuilder out, List<String> fields) {
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                out.append(',');
            }
            String v = fields.get(f) == null ? "" : fields.get(f);
            if (v.indexOf(',') >= 0
                    || v.indexOf('"') >= 0
                    || v.indexOf('\n') >= 0
                    || v.indexOf('\r') >= 0
                    || startsLikeFormula(v)) {
                out.append('"')
                        .append(startsLikeFormula(v) ? "'" : "")
                        .append(v.replace("\"", "\"\""))
                        .append('"');
            } else {
                out.append(v);
            }
        }
        out.append("\r\n");
    }

    /** Spreadsheets run a cell starting with = + - @ as a formula; an exported name must never run as one. */
    private static boolean startsLikeFormula(String v) {
        return !v.isEmpty() && "=+@".indexOf(v.charAt(0)) >= 0;
    }
}
