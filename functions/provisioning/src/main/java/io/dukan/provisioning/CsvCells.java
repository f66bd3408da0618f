package io.dukan.provisioning;

import java.util.List;

/**
 * CSV for download (RFC 4180), safe to open in a spreadsheet: a text cell that begins with = + - @ (or a tab or
 * carriage return) would be read as a formula there (CSV injection), so it gets a leading apostrophe; numbers are
 * written as they are.
 */
final class CsvCells {

    private CsvCells() {}

    static String csv(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header.stream().map(h -> (Object) h).toList());
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
