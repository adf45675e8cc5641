package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MirrorLineScoresTest {

    private static final int RADIUS = 5;

    /** Every point of a countA x countT grid, at a sixteenth of a grey level. */
    static MirrorGrid whole(QuantizedImage image, double cos, double sin, int firstA, int countA, int firstT,
            int countT) {
        int[] to = new int[countA];
        java.util.Arrays.fill(to, countT);
        return new MirrorGrid(image, cos, sin, firstA, countA, firstT, countT, 16, new double[countA * countT],
                new int[countA], to);
    }

    /** An image of random 16-bit values, a flat corner and a corner at the 16-bit maximum. */
    static QuantizedImage image(int width, int height) {
        Random random = new Random(11);
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = x < 25 && y < 25 ? 700 : x > width - 25 && y > height - 25 ? 65535
                        : random.nextInt(65536);
            }
        }
        return new QuantizedImage(pixels, width, height);
    }

    /**
     * The disk's samples paired by brute force: every grid point within the radius of the centre
     * (on row t, or half-way to row t + 1) with its mirror image across the line, in long.
     */
    static float bruteForce(MirrorGrid grid, int a, int t, boolean between) {
        return bruteForce(grid, a, t, between, RADIUS);
    }

    static float bruteForce(MirrorGrid grid, int a, int t, boolean between, int radius) {
        long n = 0;
        long s = 0;
        long ss = 0;
        long c = 0;
        int h = between ? 1 : 0;
        for (int d = -radius; d <= radius; d++) {
            for (int m = -radius; m <= radius + h; m++) {
                // in half rows: the sample lies 2m - h half rows out
                if (4 * d * d + (2 * m - h) * (2 * m - h) > 4 * radius * radius) {
                    continue;
                }
                long p = (long) grid.samples[(a + d) * grid.countT + t + m];
                long q = (long) grid.samples[(a + d) * grid.countT + t + h - m];
                n++;
                s += p;
                ss += p * p;
                c += p * q;
            }
        }
        long variance = n * ss - s * s;
        return variance > 0 ? Pearson.clamped((double) (n * c - s * s) / variance) : 0f;
    }

    /**
     * Over strips of every width up to past one strip and one SIMD block, the running sums give
     * the brute force's scores bit for bit, with and without SIMD, on both kinds of mirror line.
     */
    @Test
    void runningSumsGiveTheBruteForceScores() {
        QuantizedImage image = image(150, 140);
        double turn = Math.toRadians(36);
        MirrorGrid grid = whole(image, Math.cos(turn), Math.sin(turn), 40, 100, -40, 100);
        for (boolean between : new boolean[] {false, true}) {
            for (boolean simd : new boolean[] {false, CpuFeatures.vectors()}) {
                MirrorLineScores kernel = new MirrorLineScores(RADIUS, between, simd);
                for (int[] range : new int[][] {{6, 20, 5, 6}, {6, 90, 6, 80}, {30, 41, 10, 19}}) {
                    float[] out = new float[grid.countA * grid.countT];
                    java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
                    kernel.keepBetter(grid, range[0], range[1], range[2], range[3], out, 0);
                    for (int a = range[0]; a < range[1]; a++) {
                        for (int t = range[2]; t < range[3]; t++) {
                            assertEquals(bruteForce(grid, a, t, between), out[a * grid.countT + t],
                                    "at " + a + ", " + t + (between ? " between rows" : "") + (simd ? " simd" : ""));
                        }
                    }
                }
            }
        }
    }

    @Test
    void samplesOutsideTheImageAreZeroAndSamplesOnPixelsAreExact() {
        QuantizedImage image = image(60, 50).placedAt(100, 200);
        // at 0 degrees grid point (a, t) is pixel (a, t) of the frame
        MirrorGrid grid = whole(image, 1, 0, 95, 70, 195, 60);
        assertEquals(0.0, grid.samples[0]);
        assertEquals(16.0 * image.at(3, 4), grid.samples[(103 - 95) * grid.countT + 204 - 195]);
    }

    @Test
    void disksMustStayInTheGrid() {
        MirrorGrid grid = whole(image(40, 40), 1, 0, 0, 30, 0, 30);
        MirrorLineScores kernel = new MirrorLineScores(RADIUS, false, false);
        float[] out = new float[30 * 30];
        assertThrows(IllegalArgumentException.class, () -> kernel.keepBetter(grid, RADIUS - 1, 10, RADIUS, 10, out, 0));
        assertThrows(IllegalArgumentException.class, () -> kernel.keepBetter(grid, RADIUS, 10, RADIUS - 1, 10, out, 0));
        assertThrows(IllegalArgumentException.class, () -> kernel.keepBetter(grid, RADIUS, 31 - RADIUS, RADIUS, 10, out, 0));
    }
}
