package org.symseg.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/** Line plot of each pattern's area fraction over the frames of a series. */
public final class FractionPlot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 56;
    private static final int RIGHT = 110;
    private static final int TOP = 20;
    private static final int BOTTOM = 44;

    private FractionPlot() {
    }

    /** @param fractions per frame, the fraction of each pattern */
    public static BufferedImage render(double[][] fractions) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.LIGHT_GRAY);
        for (int i = 0; i <= 4; i++) {
            int y = TOP + plotH - i * plotH / 4;
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", i / 4.0), 14, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, plotW, plotH);
        int frames = fractions.length;
        g.drawString("frame", LEFT + plotW / 2 - 16, HEIGHT - 8);
        g.drawString("0", LEFT - 3, TOP + plotH + 16);
        g.drawString(String.valueOf(frames - 1), LEFT + plotW - 6, TOP + plotH + 16);
        int patterns = frames == 0 ? 0 : fractions[0].length;
        g.setStroke(new BasicStroke(2f));
        for (int p = 0; p < patterns; p++) {
            g.setColor(new Color(Overlay.colour(p)));
            int px = 0;
            int py = 0;
            for (int f = 0; f < frames; f++) {
                int x = LEFT + (frames == 1 ? plotW / 2 : f * plotW / (frames - 1));
                int y = TOP + plotH - (int) Math.round(fractions[f][p] * plotH);
                if (f > 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 3, y - 3, 6, 6);
                px = x;
                py = y;
            }
            g.fillRect(WIDTH - RIGHT + 14, TOP + 8 + p * 18, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString("pattern " + p, WIDTH - RIGHT + 32, TOP + 18 + p * 18);
        }
        g.dispose();
        return image;
    }
}
