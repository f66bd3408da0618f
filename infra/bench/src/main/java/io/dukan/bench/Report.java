package io.dukan.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one table: a row per measurement with its floor and the ratio, grouped under the headings, then the
 * notes (failed requests, caveats found while measuring) and the targets' verdicts. Ratios are costs: a latency
 * over its floor's latency, or for a rate the floor's rate over this rate, so above 1 is always slower.
 */
final class Report {

    private static final String[] HEADINGS = {"what", "median", "p99 | min..max", "n", "floor", "floor med", "ratio"};

    private record Row(String heading, String what, Measure value, String floorName, Measure floor) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String[]> verdicts = new ArrayList<>(); // {heading of the section it belongs to, text}
    private String currentHeading = "";

    /** Starts a group of rows; groups are printed in the order of their headings ("1. …", "2. …"). */
    void section(String heading) {
        rows.add(new Row(heading, null, null, null, null));
        currentHeading = heading;
    }

    /** The rows with each section's rows kept under it, sections sorted by heading. */
    private List<Row> ordered() {
        List<List<Row>> groups = new ArrayList<>();
        for (Row row : rows) {
            if (row.heading() != null || groups.isEmpty()) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(row);
        }
        groups.sort(Comparator.comparing(
                group -> group.get(0).heading() == null ? "" : group.get(0).heading()));
        return groups.stream().flatMap(List::stream).toList();
    }

    void row(String what, Measure value) {
        row(what, value, null, null);
    }

    void row(String what, Measure value, String floorName, Measure floor) {
        rows.add(new Row(null, what, value, floorName, floor));
    }

    void note(String note) {
        notes.add(note);
    }

    /** A target of issue 6 and whether this run met it, by the numbers. */
    void verdict(String target, double ratioOrValue, double limit, String unit, String detail) {
        boolean met = !Double.isNaN(ratioOrValue) && ratioOrValue <= limit;
        verdicts.add(new String[] {
            currentHeading,
            String.format(
                    "%-7s %s: %s%s (limit %s%s)%s",
                    met ? "MET" : "NOT MET",
                    target,
                    Measure.counted(unit)
                            ? String.format("%,d", Math.round(ratioOrValue))
                            : Measure.format(ratioOrValue),
                    unit,
                    Measure.counted(unit) ? String.format("%,d", Math.round(limit)) : Measure.format(limit),
                    unit,
                    detail.isEmpty() ? "" : "; " + detail)
        });
    }

    /** A target that a ratio must stay within {@code 1 ± band} (flat), by the numbers. */
    void flatVerdict(String target, double ratio, double band, String detail) {
        boolean met = !Double.isNaN(ratio) && Math.abs(ratio - 1) < band;
        verdicts.add(new String[] {
            currentHeading,
            String.format(
                    "%-7s %s: %+.0f%% (limit +-%.0f%%)%s",
                    met ? "MET" : "NOT MET",
                    target,
                    (ratio - 1) * 100,
                    band * 100,
                    detail.isEmpty() ? "" : "; " + detail)
        });
    }

    /** The cost ratio of a value to its floor (NaN when either is missing). */
    static double ratio(Measure value, Measure floor) {
        if (value == null || floor == null || value.isEmpty() || floor.isEmpty()) {
            return Double.NaN;
        }
        return value.rate() ? floor.median() / value.median() : value.median() / floor.median();
    }

    String render(List<String> header) {
        List<Row> rows = ordered();
        List<String[]> cells = new ArrayList<>();
        for (Row row : rows) {
            if (row.heading() != null) {
                cells.add(null);
                continue;
            }
            double ratio = ratio(row.value(), row.floor());
            cells.add(new String[] {
                row.what(),
                row.value().medianText(),
                row.value().spreadText(),
                row.value().n() == 0 ? "-" : String.format("%,d", row.value().n()),
                row.floorName() == null ? "" : row.floorName(),
                row.floor() == null ? "" : row.floor().medianText(),
                Double.isNaN(ratio) ? "" : String.format("%.2fx", ratio)
            });
        }
        int[] widths = new int[HEADINGS.length];
        for (int i = 0; i < HEADINGS.length; i++) {
            widths[i] = HEADINGS[i].length();
        }
        for (String[] line : cells) {
            if (line != null) {
                for (int i = 0; i < line.length; i++) {
                    widths[i] = Math.max(widths[i], line[i].length());
                }
            }
        }
        int total = 0;
        for (int width : widths) {
            total += width + 2;
        }
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        appendLine(out, HEADINGS, widths);
        out.append("-".repeat(total)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            if (cells.get(i) == null) {
                out.append(rows.get(i).heading()).append('\n');
            } else {
                appendLine(out, cells.get(i), widths);
            }
        }
        out.append("-".repeat(total)).append('\n');
        if (!notes.isEmpty()) {
            out.append("Notes:\n");
            notes.forEach(note -> out.append("  - ").append(note).append('\n'));
        }
        if (!verdicts.isEmpty()) {
            out.append("Targets (ratios and bounds from this run):\n");
            verdicts.stream()
                    .sorted(Comparator.comparing(v -> v[0])) // stable: in the table's section order
                    .forEach(verdict -> out.append("  ").append(verdict[1]).append('\n'));
        }
        return out.toString();
    }

    /** Text left-aligned, figures right-aligned. */
    private static void appendLine(StringBuilder out, String[] line, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < line.length; i++) {
            boolean left = i == 0 || i == 4;
            String cell = line[i];
            String padded =
                    left ? String.format("%-" + widths[i] + "s", cell) : String.format("%" + widths[i] + "s", cell);
            text.append("  ").append(padded);
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }
}
