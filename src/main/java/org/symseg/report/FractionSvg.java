package org.symseg.report;

import java.util.Locale;

/**
 * Inline SVG for the run report: each pattern's area fraction over the frames of a series, in
 * the pattern's overlay colour. Vector markup, so the page needs no image for it.
 */
final class FractionSvg {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 10;
    private static final int BOTTOM = 34;

    private FractionSvg() {
    }

    static String render(double[][] fractions) {
        int frames = fractions.length;
        int patterns = frames == 0 ? 0 : fractions[0].length;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"plot\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                + "height=\"%d\" role=\"img\" aria-label=\"pattern fractions over frames\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - i * plotH / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "class=\"grid\"/><text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%.2f</text>",
                    LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, i / 4.0));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" "
                + "text-anchor=\"middle\">frame (0 to %d)</text>", LEFT + plotW / 2, HEIGHT - 6, frames - 1));
        for (int p = 0; p < patterns; p++) {
            StringBuilder points = new StringBuilder();
            for (int f = 0; f < frames; f++) {
                double x = LEFT + (frames == 1 ? plotW / 2.0 : f * (double) plotW / (frames - 1));
                double y = TOP + plotH - fractions[f][p] * plotH;
                points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", f == 0 ? "" : " ", x, y));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" "
                    + "stroke=\"%s\" stroke-width=\"2\"><title>pattern %d</title></polyline>",
                    points, css(Overlay.colour(p)), p));
        }
        return svg.append("</svg>").toString();
    }

    static String css(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }
}
