package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symseg.bench.DirectTranslation;

class TranslationDescriptorTest {

    private static QuantizedImage random(int width, int height, int max, long seed) {
        Random random = new Random(seed);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(max + 1);
        }
        return new QuantizedImage(pixels, width, height);
    }

    /** A noisy periodic pattern, so correlations span the whole range, not just around 0. */
    private static QuantizedImage lattice(int width, int height, long seed) {
        Random random = new Random(seed);
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = Math.cos(2 * Math.PI * x / 7.3) * Math.cos(2 * Math.PI * (x + 2 * y) / 9.1);
                pixels[y * width + x] = (int) Math.round(30000 + 20000 * v + 3000 * random.nextGaussian());
            }
        }
        return new QuantizedImage(pixels, width, height);
    }

    private static void assertMatchesBruteForce(QuantizedImage image, int p, int w, int count,
            int stride) {
        int reach = new TranslationDescriptor(p, w, count).reach();
        int nx = (image.width() - 2 * reach - 1) / stride + 1;
        int ny = (image.height() - 2 * reach - 1) / stride + 1;
        int[] xs = new int[nx];
        int[] ys = new int[ny];
        for (int i = 0; i < nx; i++) {
            xs[i] = reach + i * stride;
        }
        for (int j = 0; j < ny; j++) {
            ys[j] = reach + j * stride;
        }
        assertMatchesBruteForce(image, p, w, count, xs, ys);
    }

    private static void assertMatchesBruteForce(QuantizedImage image, int p, int w, int count,
            int[] xs, int[] ys) {
        TranslationDescriptor descriptor = new TranslationDescriptor(p, w, count);
        int nx = xs.length;
        int ny = ys.length;
        float[] out = new float[nx * ny * descriptor.length()];
        descriptor.compute(image, xs, ys, out);
        double worst = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                for (int s = 0; s < descriptor.length(); s++) {
                    double expected = DirectTranslation.score(image, xs[i], ys[j],
                            descriptor.shifts().dx()[s], descriptor.shifts().dy()[s], p);
                    double actual = out[(j * nx + i) * descriptor.length() + s];
                    worst = Math.max(worst, Math.abs(expected - actual));
                }
            }
        }
        assertTrue(worst < 1e-6, "largest difference from brute force " + worst);
    }

    @Test
    void randomImageMatchesBruteForce() {
        assertMatchesBruteForce(random(40, 33, 65535, 1), 3, 4, 20, 3);
    }

    @Test
    void periodicImageMatchesBruteForce() {
        assertMatchesBruteForce(lattice(70, 64, 2), 5, 9, 30, 4);
    }

    @Test
    void smallIntegersAndStrideOneMatchBruteForce() {
        assertMatchesBruteForce(random(24, 24, 3, 3), 2, 3, 12, 1);
    }

    @Test
    void unevenlySpacedAndSinglePointsMatchBruteForce() {
        QuantizedImage image = lattice(60, 58, 4);
        // reach is 4 + 5: points as close as one pixel, patches overlapping unevenly
        assertMatchesBruteForce(image, 4, 5, 16, new int[] {9, 12, 15, 23, 50}, new int[] {9, 17, 18, 48});
        assertMatchesBruteForce(image, 4, 5, 16, new int[] {31}, new int[] {12});
    }

    @Test
    void aShiftAndItsOppositeInOnePassGiveTheSameSumsAsTwo() {
        QuantizedImage image = lattice(90, 80, 5);
        int[] xs = {30, 33, 36, 39, 42};
        int[] ys = {30, 35, 40};
        ShiftedProducts products = new ShiftedProducts(image.asDoubles(), image.width(), xs, ys, 11);
        for (int[] d : new int[][] {{3, -2}, {-7, 5}, {0, 9}, {12, 0}, {-12, -11}}) {
            long[] together = new long[15];
            long[] opposite = new long[15];
            long[] alone = new long[15];
            long[] aloneOpposite = new long[15];
            products.sums(d[0], d[1], together, opposite);
            products.sums(d[0], d[1], alone);
            products.sums(-d[0], -d[1], aloneOpposite);
            assertArrayEquals(alone, together, d[0] + "," + d[1]);
            assertArrayEquals(aloneOpposite, opposite, -d[0] + "," + -d[1]);
        }
    }

    @Test
    void periodicShiftScoresNearOne() {
        // a pattern of period 8 along x only: shifting by one period correlates perfectly
        int w = 60;
        int[] pixels = new int[w * w];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = 1000 + (int) (500 * Math.sin(2 * Math.PI * x / 8.0));
            }
        }
        TranslationDescriptor descriptor = new TranslationDescriptor(6, 8, 2);
        // two shifts from the 2 x 2 grid of window corners: (-8, -8) and (-8, 8)
        assertEquals(-8, descriptor.shifts().dx()[0]);
        float[] out = new float[descriptor.length()];
        descriptor.compute(new QuantizedImage(pixels, w, w), new int[] {30}, new int[] {30}, out);
        assertEquals(1.0, out[0], 1e-6);
        assertEquals(1.0, out[1], 1e-6);
    }

    @Test
    void flatPatchScoresZero() {
        int[] pixels = new int[30 * 30];
        java.util.Arrays.fill(pixels, 77);
        TranslationDescriptor descriptor = new TranslationDescriptor(3, 4, 10);
        float[] out = new float[10];
        descriptor.compute(new QuantizedImage(pixels, 30, 30), new int[] {15}, new int[] {15}, out);
        for (float v : out) {
            assertEquals(0f, v);
        }
    }

    @Test
    void reachIsPatchPlusLargestShift() {
        assertEquals(41, new TranslationDescriptor(20, 21, 100).reach());
    }
}
