package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.symseg.image.Rect;
import org.symseg.image.TiffFrameReader;
import org.symseg.synth.Lattice;

class ReflectionDescriptorTest {

    private static float[] at(Descriptor descriptor, QuantizedImage image, int[] xs, int[] ys) {
        float[] out = new float[xs.length * ys.length * descriptor.length()];
        descriptor.compute(image, xs, ys, out);
        return out;
    }

    @Test
    void channelsAreTheMirrorLinesAndTheReachHoldsTheTurnedWindow() {
        ReflectionDescriptor descriptor = new ReflectionDescriptor(20, 41, 10);
        assertEquals(10, descriptor.length());
        assertEquals("mirror0", descriptor.channel(0));
        assertEquals("mirror36", descriptor.channel(2));
        // the window's corner at 36 degrees: (20 + 0.5)(cos 36 + sin 36) = 28.6, the disk, a tap
        assertEquals(29 + 20 + 1, descriptor.reach());
        assertEquals(20 + 20 + 2, new ReflectionDescriptor(20, 41, 2).reach());
    }

    /**
     * The centred square lattice maps onto itself by mirrors along the axes and the diagonals:
     * pooled over a unit cell, every such mirror finds a line of symmetry; a mirror at 22.5
     * degrees, between them, does not.
     */
    @Test
    void mirrorsOfTheLatticeScoreNearOneAndOthersDoNot() {
        QuantizedImage image = PointSymmetryDescriptorTest.lattice(
                Lattice.centredSquare(12, 0, 2.2, 0.5).shiftedTo(40.3, 39.6), 80);
        float[] scores = at(new ReflectionDescriptor(10, 13, 8), image, new int[] {40}, new int[] {40});
        for (int mirror : new int[] {0, 2, 4, 6}) {
            assertTrue(scores[mirror] > 0.97, "mirror at " + 22.5 * mirror + ": " + scores[mirror]);
        }
        assertTrue(scores[1] < 0.8, "mirror at 22.5: " + scores[1]);
    }

    /**
     * A point's value for a mirror is the best brute-force score over the window of grid points
     * around the grid point nearest it, on the rows and half a row before them, in a region placed
     * anywhere in the frame.
     */
    @Test
    void pooledValuesAreTheBestScoreOfTheTurnedWindow() {
        int radius = 5;
        int h = 3;
        int lines = 5;
        QuantizedImage image = MirrorLineScoresTest.image(120, 110).placedAt(37, 52);
        ReflectionDescriptor descriptor = new ReflectionDescriptor(radius, 2 * h + 1, lines);
        int reach = descriptor.reach();
        int[] xs = {reach, reach + 9, 120 - 1 - reach};
        int[] ys = {reach, reach + 4, 110 - 1 - reach};
        float[] out = at(descriptor, image, xs, ys);
        for (int o = 0; o < lines; o++) {
            double turn = StrictMath.toRadians(180.0 * o / lines);
            double cos = StrictMath.cos(turn);
            double sin = StrictMath.sin(turn);
            for (int j = 0; j < ys.length; j++) {
                for (int i = 0; i < xs.length; i++) {
                    double x = xs[i] + 37;
                    double y = ys[j] + 52;
                    int side = 2 * h + 2 * radius + 3;
                    int first = h + radius + 1;
                    MirrorGrid grid = MirrorLineScoresTest.whole(image, cos, sin, (int) Math.round(x * cos + y * sin) - first,
                            side, (int) Math.round(y * cos - x * sin) - first, side);
                    float best = Float.NEGATIVE_INFINITY;
                    for (int a = first - h; a <= first + h; a++) {
                        for (int t = first - h; t <= first + h; t++) {
                            best = Math.max(best, MirrorLineScoresTest.bruteForce(grid, a, t, false, radius));
                            best = Math.max(best, MirrorLineScoresTest.bruteForce(grid, a, t - 1, true, radius));
                        }
                    }
                    assertEquals(best, out[(j * xs.length + i) * lines + o], "mirror " + o + ", point " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void flatPatchScoresZero() {
        int[] pixels = new int[60 * 60];
        java.util.Arrays.fill(pixels, 1234);
        assertArrayEquals(new float[5], at(new ReflectionDescriptor(6, 3, 5), new QuantizedImage(pixels, 60, 60),
                new int[] {30}, new int[] {30}));
    }

    /** Up to the largest radius the samples keep a fixed-point scale of 1 or more: sums stay exact. */
    @Test
    void radiiUpToTheLargestKeepExactSumsAndLargerAreRefused() {
        int largest = ReflectionDescriptor.MAX_RADIUS;
        for (boolean between : new boolean[] {false, true}) {
            assertTrue(Disk.of(largest, false, between).size() * 65535L <= 1L << 31);
        }
        assertEquals(10, new ReflectionDescriptor(largest, 3, 10).length());
        assertThrows(IllegalArgumentException.class, () -> new ReflectionDescriptor(largest + 1, 3, 10));
    }

    /**
     * On real data the turned grid's pooled scores follow those of the pixel grid's exact
     * pairs and interpolated mirror images ({@link PointSymmetryDescriptor#reflection}), channel
     * by channel: they are two samplings of the same scores (on this crop, radius 10 and pool 9 as
     * in the paper reproduction, correlations of 0.92 to 0.98).
     */
    @Test
    void pooledScoresFollowThoseOnThePixelGrid() throws Exception {
        String path = Path.of("..", "shared", "data", "hea-twins.tif").toString();
        TiffFrameReader reader = new TiffFrameReader();
        float[] pixels = reader.read(path, 0, new Rect(300, 300, 300, 300));
        int[] counts = new int[pixels.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.round(pixels[i]);
        }
        QuantizedImage image = new QuantizedImage(counts, 300, 300);
        Descriptor turned = new ReflectionDescriptor(10, 9, 10);
        Descriptor pixelGrid = PointSymmetryDescriptor.reflection(10, 9, 10);
        int reach = Math.max(turned.reach(), pixelGrid.reach());
        int[] xs = java.util.stream.IntStream.iterate(reach, x -> x < 300 - reach, x -> x + 5).toArray();
        float[] a = at(turned, image, xs, xs);
        float[] b = at(pixelGrid, image, xs, xs);
        for (int channel = 0; channel < 10; channel++) {
            double r = correlation(a, b, channel, 10);
            System.out.printf("turned grid against pixel grid, mirror %d: correlation %.4f%n", 18 * channel, r);
            assertTrue(r > 0.9, "mirror " + 18 * channel + ": correlation " + r);
        }
    }

    private static double correlation(float[] a, float[] b, int channel, int channels) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        int n = 0;
        for (int i = channel; i < a.length; i += channels) {
            sa += a[i];
            sb += b[i];
            saa += a[i] * (double) a[i];
            sbb += b[i] * (double) b[i];
            sab += a[i] * (double) b[i];
            n++;
        }
        return (n * sab - sa * sb) / Math.sqrt((n * saa - sa * sa) * (n * sbb - sb * sb));
    }
}
