package org.symseg.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.symseg.model.ClassMoments;

/**
 * The Fisher separability diagnostics (paper, Fig. 5): for every descriptor channel and every
 * PCA feature, its variance and its separability between the fitted patterns, as a CSV table and
 * as a scatter plot of separability against variance on log axes. The moments hold the
 * descriptor channels first, then the PCA features.
 */
public final class FisherReport {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int MARGIN = 64;
    private static final Color CHANNEL = new Color(0x1f77b4);
    private static final Color FEATURE = new Color(0xd62728);

    private FisherReport() {
    }

    /** Columns: kind (channel or pca), index, name, variance, separability, selected. */
    public static void writeCsv(OutputStream out, ClassMoments moments, String[] channelNames,
            Set<Integer> selected) {
        PrintWriter csv = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.println("kind,index,name,variance,separability,selected");
        for (int c = 0; c < moments.channels(); c++) {
            boolean channel = c < channelNames.length;
            int index = channel ? c : c - channelNames.length;
            csv.printf(Locale.ROOT, "%s,%d,\"%s\",%.6g,%.6g,%s%n", channel ? "channel" : "pca", index,
                    channel ? channelNames[c] : "PC" + (index + 1), moments.variance(c),
                    moments.separability(c), channel && selected.contains(c));
        }
        csv.flush();
    }

    public static BufferedImage plot(ClassMoments moments, int descriptorChannels) {
        int n = moments.channels();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int c = 0; c < n; c++) {
            x[c] = Math.log10(Math.max(moments.variance(c), 1e-12));
            y[c] = Math.log10(Math.min(Math.max(moments.separability(c), 1e-6), 1e6));
        }
        double[] xr = range(x);
        double[] yr = range(y);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(MARGIN, MARGIN / 2, WIDTH - MARGIN - MARGIN / 2, HEIGHT - MARGIN - MARGIN / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int d = (int) Math.ceil(xr[0]); d <= xr[1]; d++) {
            int px = px(d, xr);
            g.drawLine(px, HEIGHT - MARGIN, px, HEIGHT - MARGIN + 4);
            g.drawString("1e" + d, px - 10, HEIGHT - MARGIN + 18);
        }
        for (int d = (int) Math.ceil(yr[0]); d <= yr[1]; d++) {
            int py = py(d, yr);
            g.drawLine(MARGIN - 4, py, MARGIN, py);
            g.drawString("1e" + d, MARGIN - 40, py + 4);
        }
        g.drawString("variance", WIDTH / 2 - 24, HEIGHT - MARGIN / 2 + 8);
        g.drawString("Fisher separability", 8, MARGIN / 2 - 10);
        for (int c = 0; c < n; c++) {
            boolean channel = c < descriptorChannels;
            g.setColor(channel ? CHANNEL : FEATURE);
            int r = channel ? 3 : 5;
            g.fillOval(px(x[c], xr) - r, py(y[c], yr) - r, 2 * r, 2 * r);
        }
        legend(g, CHANNEL, "descriptor channels", 0);
        legend(g, FEATURE, "PCA features", 1);
        g.dispose();
        return image;
    }

    private static void legend(Graphics2D g, Color colour, String text, int row) {
        int x = WIDTH - 200;
        int y = MARGIN / 2 + 20 + 18 * row;
        g.setColor(colour);
        g.fillOval(x, y - 8, 8, 8);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 14, y);
    }

    /** The data's range widened to whole decades, at least one decade wide. */
    private static double[] range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        min = Math.floor(min);
        max = Math.max(Math.ceil(max), min + 1);
        return new double[] {min, max};
    }

    private static int px(double v, double[] range) {
        return MARGIN + (int) Math.round((v - range[0]) / (range[1] - range[0])
                * (WIDTH - MARGIN - MARGIN / 2));
    }

    private static int py(double v, double[] range) {
        return HEIGHT - MARGIN - (int) Math.round((v - range[0]) / (range[1] - range[0])
                * (HEIGHT - MARGIN - MARGIN / 2));
    }

    public static void writePng(OutputStream out, ClassMoments moments, int descriptorChannels)
            throws IOException {
        org.symseg.image.PngWriter.write(plot(moments, descriptorChannels), out);
    }
}
