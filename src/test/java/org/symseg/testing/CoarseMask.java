package org.symseg.testing;

import java.awt.Polygon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hand-drawn mask of an image: a class per pixel, or -1 where it is not scored. Read from a
 * test resource of polygons (format in {@code src/test/resources/masks/}); pixels within the
 * margin of a change of class are not scored either, since a drawn edge is only roughly right.
 */
public record CoarseMask(int width, int height, int classes, int[] classOf) {

    public static CoarseMask load(String resource) throws IOException {
        String text;
        try (InputStream in = CoarseMask.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int width = 0;
        int height = 0;
        int margin = 0;
        int classes = 0;
        int[] classOf = null;
        for (String line : text.lines().map(String::trim).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "size" -> {
                    width = Integer.parseInt(words[1]);
                    height = Integer.parseInt(words[2]);
                    classOf = new int[width * height];
                    Arrays.fill(classOf, -1);
                }
                case "margin" -> margin = Integer.parseInt(words[1]);
                case "class" -> {
                    int c = Integer.parseInt(words[1]);
                    classes = Math.max(classes, c + 1);
                    paint(polygon(words), c, classOf, width, height);
                }
                default -> throw new IOException(resource + ": cannot read '" + line + "'");
            }
        }
        return new CoarseMask(width, height, classes, withoutMargin(classOf, width, height, margin));
    }

    private static Polygon polygon(String[] words) {
        Polygon polygon = new Polygon();
        for (int i = 2; i < words.length; i++) {
            String[] xy = words[i].split(",");
            polygon.addPoint(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
        }
        return polygon;
    }

    private static void paint(Polygon polygon, int c, int[] classOf, int width, int height) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (polygon.contains(x + 0.5, y + 0.5)) {
                    classOf[y * width + x] = c;
                }
            }
        }
    }

    /** Keeps a pixel only if every pixel within the margin (a square) has its class. */
    private static int[] withoutMargin(int[] classOf, int width, int height, int margin) {
        int[] kept = classOf.clone();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = classOf[y * width + x];
                boolean edge = (x + 1 < width && classOf[y * width + x + 1] != c)
                        || (y + 1 < height && classOf[(y + 1) * width + x] != c);
                if (edge) {
                    clear(kept, width, height, x, y, margin);
                }
            }
        }
        return kept;
    }

    private static void clear(int[] kept, int width, int height, int cx, int cy, int margin) {
        for (int y = Math.max(0, cy - margin); y <= Math.min(height - 1, cy + margin); y++) {
            for (int x = Math.max(0, cx - margin); x <= Math.min(width - 1, cx + margin); x++) {
                kept[y * width + x] = -1;
            }
        }
    }

    /** The mask of the w x h region of the image whose top-left pixel is (x0, y0). */
    public CoarseMask crop(int x0, int y0, int w, int h) {
        int[] cropped = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(classOf, (y0 + y) * width + x0, cropped, y * w, w);
        }
        return new CoarseMask(w, h, classes, cropped);
    }

    /** Fraction of scored pixels whose label matches the mask under the best label matching. */
    public double matchedAccuracy(int[] labels, int patterns) {
        return Labels.matched(confusion(labels, patterns));
    }

    /**
     * The mean over classes of the fraction of each class's scored pixels labelled right, under
     * the best label matching: a small class (a boundary band) counts as much as a large one, so
     * one label everywhere scores 1 / classes however unequal the classes are.
     */
    public double balancedAccuracy(int[] labels, int patterns) {
        long[][] confusion = confusion(labels, patterns);
        long[][] perClass = new long[patterns][classes];
        for (int c = 0; c < classes; c++) {
            long total = 0;
            for (long[] row : confusion) {
                total += row[c];
            }
            for (int l = 0; l < patterns; l++) {
                // each class's column scaled to the same total, so the matched share is the mean recall
                perClass[l][c] = total == 0 ? 0 : Math.round(1e9 * confusion[l][c] / total);
            }
        }
        return Labels.matched(perClass);
    }

    private long[][] confusion(int[] labels, int patterns) {
        long[][] confusion = new long[patterns][classes];
        for (int i = 0; i < labels.length; i++) {
            if (classOf[i] >= 0) {
                confusion[labels[i]][classOf[i]]++;
            }
        }
        return confusion;
    }

    /** What one label everywhere would score: the largest class's share of the scored pixels. */
    public double oneLabelAccuracy() {
        long[] counts = new long[classes];
        long total = 0;
        for (int c : classOf) {
            if (c >= 0) {
                counts[c]++;
                total++;
            }
        }
        return Arrays.stream(counts).max().orElse(0) / (double) total;
    }

    /** Fraction of the image that is scored. */
    public double scoredFraction() {
        return Arrays.stream(classOf).filter(c -> c >= 0).count() / (double) classOf.length;
    }
}
