package org.stimtrial.web.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small line chart drawn as inline SVG on the server: no script, nothing fetched, text escaped, a title and a
 * description for screen readers. Immutable: each {@code with...} returns a new chart. Values are aligned with the
 * x labels; a missing value ({@code null}) breaks the line.
 */
public final class SvgLineChart {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
            "#e377c2", "#17becf"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 130;
    private static final int TOP = 24;
    private static final int BOTTOM = 56;

    /** One line. */
    public record Series(String name, List<Double> values) {
        public Series {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** A row of coloured marks under the x axis, one per x label: {@code true} filled, {@code false} open. */
    public record Strip(String name, String filledMeaning, String openMeaning, List<Optional<Boolean>> marks) {
        public Strip {
            marks = List.copyOf(marks);
        }
    }

    private final String title;
    private final String yLabel;
    private final List<String> xLabels;
    private final List<Series> series;
    private final Optional<Strip> strip;

    private SvgLineChart(String title, String yLabel, List<String> xLabels, List<Series> series,
                         Optional<Strip> strip) {
        this.title = title;
        this.yLabel = yLabel;
        this.xLabels = List.copyOf(xLabels);
        this.series = List.copyOf(series);
        this.strip = strip;
    }

    public static SvgLineChart of(String title, String yLabel, List<String> xLabels) {
        return new SvgLineChart(title, yLabel, xLabels, List.of(), Optional.empty());
    }

    public SvgLineChart withSeries(String name, List<Double> values) {
        if (values.size() != xLabels.size()) {
            throw new IllegalArgumentException(name + ": " + values.size() + " values for " + xLabels.size()
                    + " x labels");
        }
        List<Series> more = new ArrayList<>(series);
        more.add(new Series(name, values));
        return new SvgLineChart(title, yLabel, xLabels, more, strip);
    }

    public SvgLineChart withStrip(Strip marks) {
        if (marks.marks().size() != xLabels.size()) {
            throw new IllegalArgumentException(marks.name() + ": " + marks.marks().size() + " marks for "
                    + xLabels.size() + " x labels");
        }
        return new SvgLineChart(title, yLabel, xLabels, series, Optional.of(marks));
    }

    public String toSvg() {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        double top = niceCeiling(Math.max(max, 1));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        String id = "chart" + Integer.toHexString(title.hashCode());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" class=\"chart\" aria-labelledby=\"").append(id)
                .append("-t ").append(id).append("-d\"><title id=\"").append(id).append("-t\">")
                .append(escape(title)).append("</title><desc id=\"").append(id).append("-d\">")
                .append(escape(description())).append("</desc>");
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = TOP + plotH - plotH * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", LEFT, y,
                    LEFT + plotW, y, LEFT - 4, y + 4, number(v)));
        }
        int n = xLabels.size();
        int every = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int i = 0; i < n; i += every) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">"
                    + "%s</text>", x(i, n, plotW), TOP + plotH + 16, escape(xLabels.get(i))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 12 %d)\""
                + " text-anchor=\"middle\">%s</text>", TOP + plotH / 2, TOP + plotH / 2, escape(yLabel)));
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            List<Double> values = series.get(s).values();
            boolean pen = false;
            for (int i = 0; i < n; i++) {
                Double v = values.get(i);
                if (v == null) {
                    pen = false;
                    continue;
                }
                double px = x(i, n, plotW);
                double py = TOP + plotH - plotH * v / top;
                path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", px,
                        py, colour));
                pen = true;
            }
            svg.append("<path fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" d=\"")
                    .append(path.toString().strip()).append("\"/>");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", WIDTH - RIGHT + 10, TOP + s * 16,
                    colour, WIDTH - RIGHT + 24, TOP + s * 16 + 9, escape(series.get(s).name())));
        }
        strip.ifPresent(st -> drawStrip(svg, st, n, plotW, TOP + plotH + 30));
        return svg.append("</svg>").toString();
    }

    private void drawStrip(StringBuilder svg, Strip st, int n, int plotW, int y) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                LEFT - 4, y + 4, escape(st.name())));
        for (int i = 0; i < n; i++) {
            Optional<Boolean> mark = st.marks().get(i);
            if (mark.isPresent()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"5\" stroke=\"#333\" fill=\"%s\">"
                        + "<title>%s: %s</title></circle>", x(i, n, plotW), y, mark.get() ? "#2ca02c" : "#fff",
                        escape(xLabels.get(i)), escape(mark.get() ? st.filledMeaning() : st.openMeaning())));
            }
        }
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"#2ca02c\" stroke=\"#333\"/>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text><circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"#fff\""
                + " stroke=\"#333\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", WIDTH - RIGHT + 15, y - 14,
                WIDTH - RIGHT + 24, y - 10, escape(st.filledMeaning()), WIDTH - RIGHT + 15, y + 2,
                WIDTH - RIGHT + 24, y + 6, escape(st.openMeaning())));
    }

    private String description() {
        StringBuilder d = new StringBuilder(yLabel).append(" by ").append(String.join(", ", xLabels)).append(". ");
        for (Series s : series) {
            d.append(s.name()).append(": ");
            List<String> parts = new ArrayList<>();
            for (Double v : s.values()) {
                parts.add(v == null ? "none" : number(v));
            }
            d.append(String.join(", ", parts)).append(". ");
        }
        return d.toString().strip();
    }

    private static double x(int i, int n, int plotW) {
        return LEFT + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
    }

    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
