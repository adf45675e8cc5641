package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symseg.synth.Lattice;
import org.symseg.synth.SyntheticImage;

class PointSymmetryDescriptorTest {

    private static final List<Double> ANGLES = List.of(60.0, 90.0, 120.0, 180.0);

    /**
     * Bilinear value of the image at (x, y), straight from the definition: the place between the
     * four pixels rounded to 1/32 pixel along each axis.
     */
    private static double bilinear(QuantizedImage image, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = Math.rint((x - x0) * 32) / 32;
        double fy = Math.rint((y - y0) * 32) / 32;
        double top = (1 - fx) * image.at(x0, y0) + (fx == 0 ? 0 : fx * image.at(x0 + 1, y0));
        double bottom = fy == 0 ? 0 : (1 - fx) * image.at(x0, y0 + 1)
                + (fx == 0 ? 0 : fx * image.at(x0 + 1, y0 + 1));
        return (1 - fy) * top + fy * bottom;
    }

    /**
     * Pearson correlation, two-pass, of the circular patch centred at (cx, cy) (whole or half
     * pixels) and its transform: samples are the pixels within the radius of the centre.
     */
    static double bruteForce(QuantizedImage image, double cx, double cy, int radius,
            PointOperation op) {
        return bruteForce(image, cx, cy, radius, 1, op);
    }

    /** As above, over the pixels of every step-th column and row, counted from the centre. */
    static double bruteForce(QuantizedImage image, double cx, double cy, int radius, int step,
            PointOperation op) {
        List<double[]> pairs = new java.util.ArrayList<>();
        for (int y = (int) Math.floor(cy) - radius - 1; y <= cy + radius + 1; y++) {
            for (int x = (int) Math.floor(cx) - radius - 1; x <= cx + radius + 1; x++) {
                double u = x - cx;
                double v = y - cy;
                boolean kept = Math.floorMod(Math.round(2 * u), step) == 0
                        && Math.floorMod(Math.round(2 * v), step) == 0;
                if (u * u + v * v <= radius * radius && kept) {
                    pairs.add(new double[] {image.at(x, y),
                        bilinear(image, cx + op.sourceX(u, v), cy + op.sourceY(u, v))});
                }
            }
        }
        double ma = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double mb = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (double[] p : pairs) {
            cov += (p[0] - ma) * (p[1] - mb);
            va += (p[0] - ma) * (p[0] - ma);
            vb += (p[1] - mb) * (p[1] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }

    /**
     * The pooled score by its definition: the best whole-pixel score in the window, and the
     * half-pixel positions in the window around each peak (no neighbour in the window scores
     * higher) within the margin of that best.
     */
    static double pooledBruteForce(QuantizedImage image, int x, int y, int radius, int pool,
            PointOperation op) {
        return pooledBruteForce(image, x, y, radius, 1, pool, op);
    }

    static double pooledBruteForce(QuantizedImage image, int x, int y, int radius, int step, int pool,
            PointOperation op) {
        int h = pool / 2;
        float[][] whole = new float[2 * h + 1][2 * h + 1];
        float max = Float.NEGATIVE_INFINITY;
        for (int dy = -h; dy <= h; dy++) {
            for (int dx = -h; dx <= h; dx++) {
                whole[dy + h][dx + h] = (float) bruteForce(image, x + dx, y + dy, radius, step, op);
                max = Math.max(max, whole[dy + h][dx + h]);
            }
        }
        double best = max;
        for (int py = 0; py <= 2 * h; py++) {
            for (int px = 0; px <= 2 * h; px++) {
                boolean peak = whole[py][px] >= max - PointSymmetryDescriptor.PEAK_MARGIN;
                for (int ny = Math.max(0, py - 1); ny <= Math.min(2 * h, py + 1); ny++) {
                    for (int nx = Math.max(0, px - 1); nx <= Math.min(2 * h, px + 1); nx++) {
                        peak &= whole[ny][nx] <= whole[py][px];
                    }
                }
                for (int dy = -1; peak && dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        double cx = px + dx / 2.0;
                        double cy = py + dy / 2.0;
                        if (cx >= 0 && cx <= 2 * h && cy >= 0 && cy <= 2 * h) {
                            best = Math.max(best, (float) bruteForce(image, x - h + cx, y - h + cy,
                                    radius, step, op));
                        }
                    }
                }
            }
        }
        return best;
    }

    static QuantizedImage random(int width, int height, long seed) {
        Random random = new Random(seed);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(65536);
        }
        return new QuantizedImage(pixels, width, height);
    }

    /** A noiseless 16-bit image of one lattice filling the frame. */
    static QuantizedImage lattice(Lattice lattice, int size) {
        float[] image = SyntheticImage.render(size, size, List.of(lattice), (x, y) -> 0, 0,
                new Random(1));
        float[] counts = SyntheticImage.toCounts(image, 65535);
        int[] pixels = new int[counts.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (int) counts[i];
        }
        return new QuantizedImage(pixels, size, size);
    }

    private static float[] at(Descriptor descriptor, QuantizedImage image, int[] xs, int[] ys) {
        float[] out = new float[xs.length * ys.length * descriptor.length()];
        descriptor.compute(image, xs, ys, out);
        return out;
    }

    private static List<PointOperation> operations() {
        List<PointOperation> ops = new java.util.ArrayList<>();
        ops.addAll(PointSymmetryDescriptor.rotations(ANGLES));
        for (int i = 0; i < 7; i++) {
            ops.add(PointOperation.reflection(180.0 * i / 7));
        }
        return ops;
    }

    @Test
    void pooledScoresMatchBruteForce() {
        assertPooledScoresMatchBruteForce(5, 1);
    }

    @Test
    void pooledScoresOnASampledDiskMatchBruteForce() {
        assertPooledScoresMatchBruteForce(7, 3);
    }

    private static void assertPooledScoresMatchBruteForce(int radius, int step) {
        QuantizedImage image = random(48, 44, 5);
        int pool = 5;
        int[] xs = {12, 19, 30};
        int[] ys = {13, 20, 28};
        PointSymmetryDescriptor rotation = PointSymmetryDescriptor.rotation(radius, pool, step, ANGLES);
        PointSymmetryDescriptor reflection = PointSymmetryDescriptor.reflection(radius, pool, step, 7);
        float[] rot = at(rotation, image, xs, ys);
        float[] ref = at(reflection, image, xs, ys);
        List<PointOperation> ops = operations();
        double worst = 0;
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                for (int o = 0; o < ops.size(); o++) {
                    double expected = pooledBruteForce(image, xs[i], ys[j], radius, step, pool, ops.get(o));
                    int point = j * xs.length + i;
                    double actual = o < 4 ? rot[point * 4 + o] : ref[point * 7 + o - 4];
                    worst = Math.max(worst, Math.abs(expected - actual));
                }
            }
        }
        assertTrue(worst < 1e-5, "largest difference from brute force " + worst);
    }

    @Test
    void scoresOfEveryCentringMatchBruteForceAlongARun() {
        assertRunMatchesBruteForce(random(30, 30, 9), 6, 1, 12, 15, 5);
    }

    /**
     * Every operation's scores along a run of pixels from (x0, y0), at every centring, against
     * the brute force; and each pixel's score alone is the same bits as in the run.
     */
    private static void assertRunMatchesBruteForce(QuantizedImage image, int radius, int step, int x0, int y0,
            int run) {
        List<PointOperation> ops = operations();
        float[] out = new float[run * ops.size()];
        double[] values = image.asDoubles();
        for (int c = 0; c < 4; c++) {
            Disk disk = Disk.of(radius, c % 2 == 1, c / 2 == 1, step);
            DiskScorer scorer = new DiskScorer(values, image.width(), new RowSums(image, step), disk, ops.stream()
                    .map(op -> SamplingTable.of(op, disk)).toArray(SamplingTable[]::new),
                    PatchSums.widest());
            scorer.scoreRun(x0, y0, run, out, 0, run);
            for (int x = 0; x < run; x++) {
                for (int o = 0; o < ops.size(); o++) {
                    float score = out[o * run + x];
                    assertEquals(bruteForce(image, x0 + x + disk.centreX(), y0 + disk.centreY(), radius, step,
                            ops.get(o)), score, 1e-6, ops.get(o).name() + " centring " + c);
                    // a pixel's score does not depend on the run it is computed in
                    assertEquals(Float.floatToIntBits(score),
                            Float.floatToIntBits(scorer.scoreOne(x0 + x, y0, o)));
                }
            }
        }
    }

    @Test
    void sampledDisksAreSymmetricLatticesOnWhichExactOperationsStayExact() {
        assertThrows(IllegalArgumentException.class, () -> Disk.of(6, false, false, 2));
        for (int c = 0; c < 4; c++) {
            boolean halfX = c % 2 == 1;
            boolean halfY = c / 2 == 1;
            Disk full = Disk.of(20, halfX, halfY);
            Disk sampled = Disk.of(20, halfX, halfY, 3);
            for (int k = 0; k < sampled.size(); k++) {
                assertEquals(0, Math.floorMod(2 * sampled.u(k) - (halfX ? 1 : 0), 3));
                assertEquals(0, Math.floorMod(2 * sampled.v(k) - (halfY ? 1 : 0), 3));
            }
            assertEquals(full.size() / 9.0, sampled.size(), full.size() * 0.02, "centring " + c);
            for (int opposite : sampled.opposite()) {
                assertTrue(opposite >= 0, "centring " + c);
            }
            // mirrors along the axes, and with equal centring quarter turns and diagonal mirrors
            List<PointOperation> exact = new ArrayList<>(List.of(PointOperation.rotation(180),
                    PointOperation.reflection(0), PointOperation.reflection(90)));
            if (halfX == halfY) {
                exact.addAll(List.of(PointOperation.rotation(90), PointOperation.reflection(45)));
            }
            for (PointOperation op : exact) {
                assertEquals(1, SamplingTable.of(op, sampled).taps, op.name() + " centring " + c);
            }
        }
    }

    @Test
    void sampledDiskScoresOfEveryCentringMatchBruteForce() {
        QuantizedImage image = random(40, 40, 13);
        assertRunMatchesBruteForce(image, 9, 3, 14, 17, 7);
        // running sums of another step do not fit the disk
        assertThrows(IllegalArgumentException.class, () -> new RowSums(image).spans(Disk.of(9, false, false, 3)));
    }

    @Test
    void perpendicularMirrorsShareTheirInterpolationAndStillMatchBruteForce() {
        // mirrors 90 degrees apart read each other's sources for opposite samples
        assertTrue(PointOperation.reflection(108).isNegationOf(PointOperation.reflection(18)));
        assertTrue(PointOperation.rotation(240).isNegationOf(PointOperation.rotation(60)));
        assertFalse(PointOperation.reflection(36).isNegationOf(PointOperation.reflection(18)));
        assertFalse(PointOperation.rotation(120).isNegationOf(PointOperation.rotation(60)));
        QuantizedImage image = random(30, 30, 11);
        List<PointOperation> mirrors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mirrors.add(PointOperation.reflection(18.0 * i));
        }
        int run = 6;
        float[] out = new float[run * mirrors.size()];
        double[] values = image.asDoubles();
        for (int c = 0; c < 4; c++) {
            Disk disk = Disk.of(6, c % 2 == 1, c / 2 == 1);
            DiskScorer scorer = new DiskScorer(values, 30, new RowSums(image), disk, mirrors.stream()
                    .map(op -> SamplingTable.of(op, disk)).toArray(SamplingTable[]::new), PatchSums.widest());
            scorer.scoreRun(11, 14, run, out, 0, run);
            for (int x = 0; x < run; x++) {
                // the partner alone, as half-pixel refinement may ask for it, gives the same bits
                for (int o = mirrors.size() - 1; o >= 0; o--) {
                    float score = out[o * run + x];
                    assertEquals(bruteForce(image, 11 + x + disk.centreX(), 14 + disk.centreY(), 6,
                            mirrors.get(o)), score, 1e-6, mirrors.get(o).name() + " centring " + c);
                    assertEquals(Float.floatToIntBits(score), Float.floatToIntBits(scorer.scoreOne(11 + x, 14, o)));
                }
            }
        }
    }

    @Test
    void rotationsBy60And120ShareTheirInterpolationAndScoreAlikeEitherWay() {
        List<PointOperation> ops = PointSymmetryDescriptor.rotations(ANGLES);
        assertEquals(List.of("rot60", "rot90", "rot120", "rot180"), ops.stream().map(PointOperation::name).toList());
        assertTrue(ops.get(2).isNegationOf(ops.get(0)), "120 is sampled the other way round");
        assertEquals(PointOperation.rotation(90), ops.get(1));
        assertEquals(PointOperation.rotation(120), PointSymmetryDescriptor.rotations(List.of(90.0, 120.0)).get(1));
        // on a hexagonal lattice off the pixel grid, either sense gives nearly the same score
        QuantizedImage image = lattice(Lattice.hexagonal(11, 7, 2.0).shiftedTo(3.3, 1.7), 60);
        double worst = 0;
        for (int y = 25; y < 35; y++) {
            for (int x = 25; x < 35; x++) {
                worst = Math.max(worst, Math.abs(bruteForce(image, x, y, 10, ops.get(2))
                        - bruteForce(image, x, y, 10, PointOperation.rotation(120))));
            }
        }
        assertTrue(worst < 0.03, "largest difference between the two senses " + worst);
    }

    @Test
    void symmetricLatticeScoresNearOneAtItsSymmetryCentre() {
        // an atom on a pixel: the square lattice maps onto itself by 90 and 180 degrees and by
        // mirrors along the axes and diagonals, but not by 60 degrees
        QuantizedImage image = lattice(Lattice.centredSquare(12, 0, 2.2, 0.5).shiftedTo(36, 36), 72);
        float[] rot = at(PointSymmetryDescriptor.rotation(10, 1, ANGLES), image, new int[] {36},
                new int[] {36});
        assertEquals(1.0, rot[1], 1e-6, "90 degrees");
        assertEquals(1.0, rot[3], 1e-6, "180 degrees");
        assertTrue(rot[0] < 0.6, "60 degrees " + rot[0]);
        float[] mirrors = at(PointSymmetryDescriptor.reflection(10, 1, 4), image, new int[] {36},
                new int[] {36});
        for (float m : mirrors) {
            assertEquals(1.0, m, 1e-6);
        }
    }

    @Test
    void flatPatchScoresZero() {
        int[] pixels = new int[40 * 40];
        java.util.Arrays.fill(pixels, 1234);
        float[] out = at(PointSymmetryDescriptor.reflection(6, 3, 5), new QuantizedImage(pixels, 40, 40),
                new int[] {20}, new int[] {20});
        assertArrayEquals(new float[5], out);
    }

    /**
     * Points computed inside a crop (as a tile would) equal the whole image's, bit for bit, the
     * crop no larger than the points' reach: so the reach holds all that the points read.
     */
    @Test
    void cropsGiveBitIdenticalDescriptors() {
        QuantizedImage image = lattice(Lattice.hexagonal(11, 7, 2.0).shiftedTo(3.3, 1.7), 100);
        Descriptor descriptor = new CombinedDescriptor(List.of(
                PointSymmetryDescriptor.rotation(7, 9, ANGLES),
                PointSymmetryDescriptor.reflection(7, 9, 6),
                new ReflectionDescriptor(7, 9, 6),
                PointSymmetryDescriptor.rotation(7, 9, 3, ANGLES),
                new TranslationDescriptor(4, 5, 12)));
        int reach = descriptor.reach();
        int[] xs = {reach, reach + 4, reach + 8, reach + 12};
        int[] ys = {reach + 3, reach + 7, reach + 11};
        float[] whole = at(descriptor, image, xs, ys);
        // the crop holds only points 1..3 of the first row and their reach
        int x0 = xs[1] - reach;
        int y0 = ys[0] - reach;
        int w = xs[3] + reach + 1 - x0;
        int h = 2 * reach + 1;
        int[] crop = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(image.pixels(), (y0 + y) * image.width() + x0, crop, y * w, w);
        }
        // a tile's region, placed where it lies in the frame
        float[] part = at(descriptor, new QuantizedImage(crop, w, h).placedAt(x0, y0),
                new int[] {xs[1] - x0, xs[2] - x0, xs[3] - x0}, new int[] {ys[0] - y0});
        int n = descriptor.length();
        for (int i = 0; i < 3; i++) {
            float[] expected = java.util.Arrays.copyOfRange(whole, (i + 1) * n, (i + 2) * n);
            float[] actual = java.util.Arrays.copyOfRange(part, i * n, (i + 1) * n);
            assertArrayEquals(expected, actual, "point " + (i + 1));
        }
    }

    @Test
    void reachCoversRadiusInterpolationAndHalfThePool() {
        // an interpolated source lies inside the disk, so its taps stay within the radius too
        // (the crop test above fails if any tap reads beyond the reach)
        assertEquals(20 + 1 + 15, PointSymmetryDescriptor.rotation(20, 31, ANGLES).reach());
        assertEquals(20 + 1 + 15, PointSymmetryDescriptor.reflection(20, 31, 10).reach());
        assertEquals(3 + 1, PointSymmetryDescriptor.reflection(3, 1, 10).reach());
    }
}
