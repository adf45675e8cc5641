package org.symseg.descriptor;

/**
 * Pearson scores of a circular patch against its transformed copies, for one {@link Disk} (one
 * centring: on a pixel or between pixels) over one image. Made once per {@link Descriptor#compute}
 * call: it turns the sampling tables into index offsets for this image's layout (row-major, or
 * {@link GatheredPatches}) and holds the scratch arrays, so scoring allocates nothing.
 *
 * <p>A run of a row is scored in blocks of neighbouring pixels ({@link PatchSums}, SIMD where the
 * JVM allows), its last pixels as one more block that ends with the run (scoring a few pixels
 * twice: a pixel alone costs about as much as a whole block), and a run shorter than a block one
 * pixel at a time; gathered patches are scored a block at a time. Every pixel's sums are the
 * same bits either way, so a score does not depend on the run or block it is computed in.
 *
 * <p>Interpolated samples are taken relative to the pixel's own value: Pearson's correlation does
 * not change when both patches shift by one constant, and the sums of them and of their squares
 * stay small, so they lose little to cancellation. Their cross term with the original samples is
 * summed over the originals' own values and the base times the samples' sum taken out after, in
 * one rounding: two operations a sample fewer, for a rounding error that stays below what a score
 * keeps as a float (on the bundled real images, every score the same float as with the originals
 * taken relative too; BENCHMARKS.md, issue 7). The samples and every product of the sums are
 * exact (bilinear weights are multiples of 2^-10, {@link SamplingTable}), so the sums are the
 * same bits whether the CPU fuses multiply-adds or not ({@link MultiplyAdd}). Whole pixels are
 * integers below 2^16, so the sums of one-tap (exact) operations are exact in {@code double}
 * (the disk is capped at {@link #MAX_SAMPLES}), and such an operation, a permutation of the
 * disk, needs only its cross term: the transformed patch has the original's sum and sum of
 * squares. That cross term is summed over the pixels' own values and the base taken out
 * afterwards in integers, the same exact number for two fewer operations a sample.
 */
final class DiskScorer {

    /** Sums of up to this many squared 16-bit differences stay exact in a double (2^53). */
    static final int MAX_SAMPLES = (int) (0x1p53 / (65535.0 * 65535.0));

    private final double[] values;
    /** Index steps to the pixel on the right and to the one below. */
    private final int right;
    private final int down;
    private final RowSums rowSums;
    /** The disk's rows for {@link #rowSums}. */
    private final int[] spans;
    private final int[] diskOffsets;
    private final Operation[] operations;
    private final PatchSums block;
    /**
     * The lowest and highest index offsets from a block's first pixel that any sample or tap
     * reads: {@link #checkInside} tests a block's reads against them at once.
     */
    private final int lowest;
    private final int highest;
    private final PatchSums one = new ScalarPatchSums();
    /** The original patches' sums of the current block, or of a whole run; grown as needed. */
    private double[] sa;
    private double[] saa;
    private final double[] s1;
    private final double[] s2;
    private final double[] s3;
    private final float[] single = new float[1];
    /**
     * Per operation, the other operation that reads, for each sample, where this one reads for
     * the opposite sample through the patch centre (mirrors across perpendicular lines), or -1:
     * the lower of the two interpolates for both ({@link PatchSums#bilinearPair}).
     */
    private final int[] partner;
    /** For each disk sample, the offset of the opposite one. */
    private final int[] oppositeOffsets;
    /** Per leading operation of a pair, its pair's sums at the current block, once worked out. */
    private final double[][][] pairSums;
    private final boolean[] pairDone;
    /**
     * Index of the gathered block whose original sums sa and saa hold, for {@link #scoreBlock};
     * -1 once {@link #scoreRun} or {@link #scoreOne} have reused them.
     */
    private int entered = -1;

    /** Offsets of one operation: the exact one's sample pairs, or the bilinear one's first taps. */
    private record Operation(int[] doubledA, int[] doubledB, int[] singleA, int[] singleB,
            int[] taps, double[] weight) {
        boolean exact() {
            return taps == null;
        }
    }

    /**
     * {@code values}: the image's quantized pixels as doubles, row-major, rows {@code stride}
     * apart; {@code rowSums} of the same image.
     */
    DiskScorer(double[] values, int stride, RowSums rowSums, Disk disk, SamplingTable[] tables, PatchSums block) {
        this(values, 1, stride, rowSums, disk, tables, block);
    }

    /**
     * Over {@code patches}, gathered from the image of {@code rowSums}: a block's lanes are the
     * patches {@link #enter entered} there, wherever in the image they lie.
     */
    static DiskScorer overGathered(GatheredPatches patches, RowSums rowSums, Disk disk, SamplingTable[] tables,
            PatchSums block) {
        return new DiskScorer(patches.values(), patches.right(), patches.down(), rowSums, disk, tables, block);
    }

    /** Pixel (x, y) of the image is {@code values[y * down + x * right]}. */
    private DiskScorer(double[] values, int right, int down, RowSums rowSums, Disk disk,
            SamplingTable[] tables, PatchSums block) {
        if (disk.size() > MAX_SAMPLES) {
            throw new IllegalArgumentException("patch radius " + disk.radius() + " is too large");
        }
        this.values = values;
        this.right = right;
        this.down = down;
        this.rowSums = rowSums;
        this.spans = rowSums.spans(disk);
        this.block = block;
        this.diskOffsets = new int[disk.size()];
        for (int k = 0; k < diskOffsets.length; k++) {
            diskOffsets[k] = disk.v(k) * down + disk.u(k) * right;
        }
        this.operations = new Operation[tables.length];
        for (int o = 0; o < tables.length; o++) {
            SamplingTable table = tables[o];
            operations[o] = table.taps == 1
                    ? new Operation(side(table.doubled, 0), side(table.doubled, 1),
                            side(table.single, 0), side(table.single, 1), null, null)
                    : new Operation(null, null, null, null, firstTaps(table.linearOffsets(right, down)), table.weight);
        }
        this.oppositeOffsets = offsetsOf(disk.opposite());
        this.partner = partners(tables);
        int low = 0;
        int high = 0;
        for (int offset : diskOffsets) {
            low = Math.min(low, offset);
            high = Math.max(high, offset);
        }
        for (Operation op : operations) {
            if (op.exact()) {
                continue; // its samples are the disk's
            }
            for (int firstTap : op.taps) {
                low = Math.min(low, firstTap);
                high = Math.max(high, firstTap + right + down);
            }
        }
        this.lowest = low;
        this.highest = high;
        int lanes = block.lanes();
        this.pairSums = new double[tables.length][4][lanes];
        this.pairDone = new boolean[tables.length];
        sa = new double[lanes];
        saa = new double[lanes];
        s1 = new double[lanes];
        s2 = new double[lanes];
        s3 = new double[lanes];
    }

    /** Pairs of interpolating operations whose matrices are each other's negative. */
    private static int[] partners(SamplingTable[] tables) {
        int[] partner = new int[tables.length];
        java.util.Arrays.fill(partner, -1);
        for (int o = 0; o < tables.length; o++) {
            for (int p = o + 1; p < tables.length && partner[o] < 0; p++) {
                if (tables[o].taps > 1 && tables[p].taps > 1 && partner[p] < 0
                        && tables[o].operation.isNegationOf(tables[p].operation)) {
                    partner[o] = p;
                    partner[p] = o;
                }
            }
        }
        return partner;
    }

    private int[] side(int[][] pairs, int which) {
        return offsetsOf(java.util.Arrays.stream(pairs).mapToInt(pair -> pair[which]).toArray());
    }

    /** The index offsets of the disk samples listed. */
    private int[] offsetsOf(int[] samples) {
        int[] offsets = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            offsets[i] = diskOffsets[samples[i]];
        }
        return offsets;
    }

    private static int[] firstTaps(int[] tapOffsets) {
        int[] first = new int[tapOffsets.length / 4];
        for (int k = 0; k < first.length; k++) {
            first[k] = tapOffsets[4 * k];
        }
        return first;
    }

    /**
     * Scores of every operation at the {@code count} pixels from (x, y) along its row: the
     * score of operation o at pixel x + i goes to {@code out[o * plane + to + i]}.
     */
    void scoreRun(int x, int y, int count, float[] out, int to, int plane) {
        entered = -1;
        if (sa.length < count) {
            sa = new double[count];
            saa = new double[count];
        }
        rowSums.originals(x, y, count, spans, diskOffsets.length, sa, saa, 0);
        int i = 0;
        int lanes = block.lanes();
        for (; i + lanes <= count; i += lanes) {
            scoreOperations(block, index(x + i, y), i, out, to + i, plane);
        }
        if (i < count && count >= lanes) {
            // the pixels scored again get the bits they had in the block before
            i = count - lanes;
            scoreOperations(block, index(x + i, y), i, out, to + i, plane);
            i = count;
        }
        for (; i < count; i++) {
            scoreOperations(one, index(x + i, y), i, out, to + i, plane);
        }
    }

    /**
     * Every operation's scores for the block of {@code sums} at index {@code at}: lane i's
     * original sums are sa[from + i] and saa[from + i], its score of operation o goes to
     * {@code out[o * plane + first + i]}.
     */
    private void scoreOperations(PatchSums sums, int at, int from, float[] out, int first, int plane) {
        newBlock();
        for (int o = 0; o < operations.length; o++) {
            score(sums, o, at, from, out, o * plane + first);
        }
    }

    /**
     * The operation that shares operation o's interpolation (scoring both at one block costs
     * little more than one), or -1.
     */
    int partner(int o) {
        return partner[o];
    }

    /** Pixels that {@link #scoreBlock} scores at once. */
    int lanes() {
        return block.lanes();
    }

    /**
     * Starts the block of the {@code count} patches (at most {@link #lanes()}) gathered at index
     * {@code at}, whose base pixels are (xs[l], ys[l]) of the image: their original sums, which
     * every operation {@link #scoreBlock scored} there shares. Lanes from count on score
     * whatever they hold.
     */
    void enter(int at, int[] xs, int[] ys, int count) {
        newBlock();
        for (int lane = 0; lane < count; lane++) {
            rowSums.original(xs[lane], ys[lane], spans, diskOffsets.length, sa, saa, lane);
        }
        entered = at;
    }

    /** Scores of operation {@code o} at the block entered last, into out[0...]. */
    void scoreBlock(int o, float[] out) {
        score(block, o, entered, 0, out, 0);
    }

    /** Score of operation {@code o} at pixel (x, y). */
    float scoreOne(int x, int y, int o) {
        entered = -1;
        newBlock();
        rowSums.original(x, y, spans, diskOffsets.length, sa, saa, 0);
        score(one, o, index(x, y), 0, single, 0);
        return single[0];
    }

    private int index(int x, int y) {
        return y * down + x * right;
    }

    /** A new block: no pair's sums are worked out there yet. */
    private void newBlock() {
        java.util.Arrays.fill(pairDone, false);
    }

    /**
     * Operation o's scores for the block at {@code at}, lane i's into out[first + i]; its
     * original sums are sa[from + i] and saa[from + i].
     */
    private void score(PatchSums sums, int o, int at, int from, float[] out, int first) {
        checkInside(at, sums.lanes());
        Operation op = operations[o];
        long n = diskOffsets.length;
        if (op.exact()) {
            sums.products(values, at, op.doubledA, op.doubledB, s1);
            sums.products(values, at, op.singleA, op.singleB, s2);
            for (int i = 0; i < sums.lanes(); i++) {
                long a = (long) sa[from + i];
                long aa = (long) saa[from + i];
                // lanes lie side by side in values, whatever the layout
                long b = (long) values[at + i];
                // the sum over the disk of (v(d) - b)(v(Od) - b), where O permutes the disk, so
                // that v(Od) sums to what v(d) does: a + n b
                long cross = 2 * (long) s1[i] + (long) s2[i] - 2 * a * b - n * b * b;
                out[first + i] = Pearson.of(n, a, a, aa, aa, cross);
            }
        } else if (partner[o] < 0) {
            sums.bilinear(values, at, right, down, diskOffsets, op.taps, op.weight, s1, s2, s3);
            for (int i = 0; i < sums.lanes(); i++) {
                out[first + i] = Pearson.of(n, sa[from + i], s1[i], saa[from + i], s2[i],
                        aboutBase(at + i, s1[i], s3[i]));
            }
        } else {
            int lead = Math.min(o, partner[o]);
            double[][] pair = pairSums[lead];
            if (!pairDone[lead]) {
                Operation leading = operations[lead];
                sums.bilinearPair(values, at, right, down, diskOffsets, oppositeOffsets, leading.taps,
                        leading.weight, pair[0], pair[1], pair[2], pair[3]);
                pairDone[lead] = true;
            }
            double[] cross = o == lead ? pair[2] : pair[3];
            for (int i = 0; i < sums.lanes(); i++) {
                out[first + i] = Pearson.of(n, sa[from + i], pair[0][i], saa[from + i], pair[1][i],
                        aboutBase(at + i, pair[0][i], cross[i]));
            }
        }
    }

    /**
     * The cross term of the originals less the base pixel at {@code base} with the samples
     * relative to it, from the samples' sum and their cross term with the originals as they are,
     * in one rounding. A whole pixel times a sum of samples below 2^27 (multiples of 2^-10) is
     * exact, so there a multiply-add unfused gives the fused result; only a larger sum (more than
     * 2^11 samples far from their base) needs {@code Math.fma} itself, slow where not fused.
     */
    private double aboutBase(int base, double samples, double rawCross) {
        return Math.abs(samples) < 0x1p27 ? MultiplyAdd.of(-values[base], samples, rawCross)
                : Math.fma(-values[base], samples, rawCross);
    }

    /**
     * Throws unless every index that the block of {@code lanes} pixels at {@code at} reads lies
     * within the values. The SIMD loads leave out their own bounds checks (conf/java17-spark.args
     * sets jdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0: 7-18 % of the kernels' time, issue 7),
     * so this one test a block stands for the thousands they would make.
     */
    private void checkInside(int at, int lanes) {
        if (at + lowest < 0 || at + highest + lanes > values.length) {
            throw new IndexOutOfBoundsException("the patches of the block at index " + at + " reach outside the "
                    + values.length + " values");
        }
    }
}
