package org.symseg.descriptor;

import java.util.List;

/**
 * Rotation-symmetry descriptor (paper, Sec. II A 2), and reflection on the pixel grid
 * ({@link #reflection}): for each operation, the Pearson correlation of the circular patch of
 * radius r at a pixel with its rotated or mirrored copy, max-pooled over the (2h+1) x (2h+1)
 * window around the stride point.
 *
 * <p>Such scores peak at the symmetry centres of the crystal and fall off between them, so on
 * their own they depend on where the point sits in its unit cell. Pooling over a window about one
 * unit cell wide makes them translationally invariant. The pooled value is the peak over a
 * half-pixel grid of the window: scores are evaluated at every pixel of the window, then at the
 * eight half-pixel positions around each of the window's peaks (pixels no neighbour in the
 * window beats) that come within {@link #PEAK_MARGIN} of its best pixel. Patches centred between
 * pixels keep whole-pixel samples, and mirrors and 180 degree rotations about them stay exact. A
 * symmetry centre is then never more than a quarter pixel from an evaluated position, so the
 * pooled value barely depends on where the lattice sits relative to the pixel grid.
 *
 * <p>A point's value reads only the pixels within its window plus the patch radius plus the
 * interpolation taps, each pixel's score in a fixed order, and pooling is a maximum: so it is
 * bit-identical whichever tile computes it. Within one call, a pixel's score is computed once
 * and shared by every window that holds it.
 */
public final class PointSymmetryDescriptor implements Descriptor {

    private static final long serialVersionUID = 1L;
    /**
     * Peaks this far below the window's best whole-pixel score are not refined. The half-pixel
     * positions around near-ties can reorder them; those around lower peaks rarely overtake the
     * best, and on real images refining them too (up to 0.2 below the best) changed no more than
     * 2.4 % of the label pixels, about what shifting the image by one pixel changes, at twice the
     * cost (BENCHMARKS.md, issue 7).
     */
    static final float PEAK_MARGIN = 0.02f;

    /** Patch centrings: on the pixel, half a pixel right, half down, both (index hx + 2 hy). */
    private final Disk[] disks = new Disk[4];
    /** Sampling tables per centring and operation. */
    private final SamplingTable[][] tables = new SamplingTable[4][];
    private final int poolHalf;
    private final int reach;

    private PointSymmetryDescriptor(int radius, int pool, int step, List<PointOperation> operations) {
        if (radius < 1) {
            throw new IllegalArgumentException("radius must be at least 1");
        }
        if (pool < 1 || pool % 2 == 0) {
            throw new IllegalArgumentException("pool window must be odd and at least 1");
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("no operations");
        }
        this.poolHalf = pool / 2;
        int extent = radius;
        for (int c = 0; c < 4; c++) {
            disks[c] = Disk.of(radius, c % 2 == 1, c / 2 == 1, step);
            tables[c] = new SamplingTable[operations.size()];
            for (int o = 0; o < tables[c].length; o++) {
                tables[c][o] = SamplingTable.of(operations.get(o), disks[c]);
                extent = Math.max(extent, tables[c][o].extent());
            }
            for (int k = 0; k < disks[c].size(); k++) {
                extent = Math.max(extent, Math.max(Math.abs(disks[c].u(k)), Math.abs(disks[c].v(k))));
            }
        }
        this.reach = extent + poolHalf;
    }

    /** Rotations by each of {@code degrees} about the patch centre ({@link #rotations}). */
    public static PointSymmetryDescriptor rotation(int radius, int pool, List<Double> degrees) {
        return rotation(radius, pool, 1, degrees);
    }

    /** As {@link #rotation(int, int, List)}, on patches sampled every step-th pixel ({@link Disk}). */
    public static PointSymmetryDescriptor rotation(int radius, int pool, int step, List<Double> degrees) {
        return new PointSymmetryDescriptor(radius, pool, step, rotations(degrees));
    }

    /**
     * The operations of rotations by each of {@code degrees}. Of two angles that add up to 180
     * (60 and 120), the later is sampled the other way round, so that the two share their
     * interpolation ({@link PointOperation#rotationTheOtherWay}).
     */
    static List<PointOperation> rotations(List<Double> degrees) {
        List<PointOperation> operations = new java.util.ArrayList<>();
        for (int i = 0; i < degrees.size(); i++) {
            double d = degrees.get(i);
            boolean supplement = degrees.subList(0, i).stream().anyMatch(e -> supplementary(e, d));
            operations.add(supplement ? PointOperation.rotationTheOtherWay(d) : PointOperation.rotation(d));
        }
        return operations;
    }

    /** Two different angles that add up to 180 degrees, modulo full turns. */
    private static boolean supplementary(double a, double b) {
        double sum = Math.IEEEremainder(a + b - 180, 360);
        double difference = Math.IEEEremainder(a - b, 360);
        return Math.abs(sum) < 1e-9 && Math.abs(difference) > 1e-9;
    }

    /**
     * Mirror lines through the patch centre at {@code lines} equally spaced angles from 0, on the
     * pixel grid: whole-pixel samples paired with interpolated mirror images. The pipeline scores
     * reflections on grids turned to the mirrors instead ({@link ReflectionDescriptor}), 3 to 11
     * times faster; this is the slower formulation its labels are measured against, kept for the
     * tests and benchmarks that compare the two.
     */
    public static PointSymmetryDescriptor reflection(int radius, int pool, int lines) {
        return reflection(radius, pool, 1, lines);
    }

    /** As {@link #reflection(int, int, int)}, on patches sampled every step-th pixel ({@link Disk}). */
    public static PointSymmetryDescriptor reflection(int radius, int pool, int step, int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("at least one mirror line");
        }
        return new PointSymmetryDescriptor(radius, pool, step, java.util.stream.IntStream.range(0, lines)
                .mapToObj(i -> PointOperation.reflection(180.0 * i / lines)).toList());
    }

    @Override
    public int length() {
        return tables[0].length;
    }

    @Override
    public int reach() {
        return reach;
    }

    @Override
    public String channel(int index) {
        return tables[0][index].operation.name();
    }

    @Override
    public void compute(QuantizedImage image, int[] xs, int[] ys, float[] out) {
        if (xs.length == 0 || ys.length == 0) {
            return;
        }
        int h = poolHalf;
        int ops = length();
        // the box of every pooling window; whole-pixel scores only where some window needs them
        int bx = xs[0] - h;
        int by = ys[0] - h;
        int bw = xs[xs.length - 1] + h - bx + 1;
        int bh = ys[ys.length - 1] + h - by + 1;
        int stride = QuantizedImage.paddedStride(image.width());
        double[] values = image.asDoubles(stride);
        PatchSums block = PatchSums.widest();
        RowSums rowSums = new RowSums(image, disks[0].step());
        float[] scores = wholePixelScores(values, stride, rowSums, xs, ys, bx, by, bw, bh, block);
        // which half-pixel positions the windows refine follows from the whole-pixel scores: all
        // of them are marked first, so that they can be scored in full blocks, then pooled
        PeakPooling[] pooling = new PeakPooling[ops];
        HalfPixelScores[] half = new HalfPixelScores[ops];
        for (int o = 0; o < ops; o++) {
            half[o] = new HalfPixelScores(bw, bh);
            pooling[o] = new PeakPooling(scores, o, h, bw, bh, bx, by, half[o]);
            pooling[o].markAll(xs, ys, out, ops);
            half[o].seal();
        }
        new HalfPixelScoring(values, stride, reach - h, rowSums, disks, tables, block, bx, by).scoreAll(half);
        for (int o = 0; o < ops; o++) {
            pooling[o].refineAll(xs, ys, out, ops);
        }
    }

    /**
     * Every operation's whole-pixel scores over the bw x bh box at (bx, by), one plane per
     * operation, where some window needs them.
     */
    private float[] wholePixelScores(double[] values, int stride, RowSums rowSums, int[] xs, int[] ys,
            int bx, int by, int bw, int bh, PatchSums block) {
        int h = poolHalf;
        boolean[] columnNeeded = needed(xs, bx, bw, h);
        boolean[] rowNeeded = needed(ys, by, bh, h);
        float[] scores = new float[bw * bh * length()];
        DiskScorer scorer = new DiskScorer(values, stride, rowSums, disks[0], tables[0], block);
        for (int y = 0; y < bh; y++) {
            if (!rowNeeded[y]) {
                continue;
            }
            for (int x = 0; x < bw; x++) {
                int end = x;
                while (end < bw && columnNeeded[end]) {
                    end++;
                }
                if (end > x) {
                    scorer.scoreRun(bx + x, by + y, end - x, scores, y * bw + x, bw * bh);
                    x = end;
                }
            }
        }
        return scores;
    }

    /** Which of the box's columns (or rows) lie within h of a point coordinate. */
    private static boolean[] needed(int[] coords, int origin, int size, int h) {
        boolean[] needed = new boolean[size];
        for (int c : coords) {
            for (int d = -h; d <= h; d++) {
                needed[c - origin + d] = true;
            }
        }
        return needed;
    }
}
