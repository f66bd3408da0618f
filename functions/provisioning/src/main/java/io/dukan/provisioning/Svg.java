package io.dukan.provisioning;

import io.dukan.web.Html;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Bar charts as inline SVG, drawn on the server (no script, no third party): scaled to the width they get (a
 * 360 px phone included), labelled for screen readers, always with the same figures in a table beside them.
 */
final class Svg {

    record Bar(String label, long value) {}

    static final int MAX_BARS = 12;

    private Svg() {}

    /**
     * Horizontal bars, largest scale = the largest value; {@code format} writes a value as the page's locale does.
     * Right-to-left pages get the bars mirrored by the page's direction (CSS), the text stays readable.
     */
    static String bars(String id, String title, List<Bar> bars, LongFunction<String> format) {
        List<Bar> shown = bars.size() > MAX_BARS ? bars.subList(0, MAX_BARS) : bars;
        long max = Math.max(1, shown.stream().mapToLong(Bar::value).max().orElse(1));
        int row = 26;
        int height = Math.max(row, shown.size() * row) + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" id=\"")
                .append(Html.esc(id))
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(Html.esc(id))
                .append("-title\" viewBox=\"0 0 320 ")
                .append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"")
                .append(Html.esc(id))
                .append("-title\">")
                .append(Html.esc(title))
                .append("</title>");
        for (int i = 0; i < shown.size(); i++) {
            Bar bar = shown.get(i);
            int y = i * row + 2;
            long width = Math.round(180.0 * Math.max(0, bar.value()) / max);
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 16)
                    .append("\" font-size=\"12\">")
                    .append(Html.esc(shorten(bar.label())))
                    .append("</text><rect x=\"92\" y=\"")
                    .append(y + 4)
                    .append("\" width=\"")
                    .append(Math.max(1, width))
                    .append("\" height=\"16\" rx=\"2\" fill=\"#15803d\"/><text x=\"")
                    .append(96 + width)
                    .append("\" y=\"")
                    .append(y + 16)
                    .append("\" font-size=\"12\">")
                    .append(Html.esc(format.apply(bar.value())))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String shorten(String label) {
        return label.length() <= 14 ? label : label.substring(0, 13) + "…";
    }
}
