package org.symseg.descriptor;

/**
 * Pearson scores of a circular patch against its transformed copies, for one {@link Disk} (one
 * centring: on a pixel or between pixels) over one image. Made once per {@link Descriptor#compute}
 * call: it turns the sampling tables into index offsets for this image's width and holds the
 * scratch arrays, so scoring a point allocates nothing.
 *
 * <p>Samples are taken relative to the base pixel's value. Pearson's correlation does not change
 * when both patches shift by one constant, and it keeps the sums small, so the floating-point
 * sums of interpolated samples lose little to cancellation. Everything a score reads lies around
 * its pixel and is summed in a fixed order, so a score is bit-identical whichever tile computes
 * it. One-tap (exact) operations are summed in {@code long}, exactly.
 */
final class DiskScorer {

    private final int[] pixels;
    /** The same pixels as doubles, so interpolation converts none of them per sample. */
    private final double[] values;
    private final int width;
    private final SamplingTable[] tables;
    private final int[] diskOffsets;
    private final int[][] tapOffsets;
    private final long[] a;
    private int centre;
    private long base;
    private long sa;
    private long saa;

    DiskScorer(QuantizedImage image, double[] values, Disk disk, SamplingTable[] tables) {
        this.pixels = image.pixels();
        this.values = values;
        this.tables = tables;
        this.width = image.width();
        this.diskOffsets = new int[disk.size()];
        for (int k = 0; k < diskOffsets.length; k++) {
            diskOffsets[k] = disk.v(k) * width + disk.u(k);
        }
        this.tapOffsets = new int[tables.length][];
        for (int o = 0; o < tables.length; o++) {
            tapOffsets[o] = tables[o].linearOffsets(width);
        }
        this.a = new long[disk.size()];
    }

    /** Scores of every operation at the base pixel with row-major index {@code at}, into out[to...]. */
    void scoreAll(int at, float[] out, int to) {
        moveTo(at);
        for (int o = 0; o < tables.length; o++) {
            out[to + o] = score(o);
        }
    }

    /** Score of operation {@code o} at the base pixel with row-major index {@code at}. */
    float scoreOne(int at, int o) {
        moveTo(at);
        return score(o);
    }

    /** Reads the original patch: its samples and their sums, shared by every operation. */
    private void moveTo(int at) {
        centre = at;
        base = pixels[at];
        long s = 0;
        long ss = 0;
        for (int k = 0; k < a.length; k++) {
            long v = pixels[at + diskOffsets[k]] - base;
            a[k] = v;
            s += v;
            ss += v * v;
        }
        sa = s;
        saa = ss;
    }

    private float score(int o) {
        return tables[o].taps == 1 ? exact(tapOffsets[o]) : bilinear(tapOffsets[o], tables[o].weight);
    }

    private float exact(int[] offsets) {
        int n = a.length;
        long sb = 0;
        long sbb = 0;
        long sab = 0;
        for (int k = 0; k < n; k++) {
            long b = pixels[centre + offsets[k]] - base;
            sb += b;
            sbb += b * b;
            sab += a[k] * b;
        }
        return Pearson.of(n, sa, sb, saa, sbb, sab);
    }

    private float bilinear(int[] offsets, double[] weight) {
        int n = a.length;
        double[] v = values;
        int w = width;
        double sb = 0;
        double sbb = 0;
        double sab = 0;
        for (int k = 0, t = 0; k < n; k++, t += 4) {
            // a sample's four taps are the 2 x 2 pixels from its first tap (SamplingTable), and
            // the weights sum to 1, so subtracting the base once is the same as from every tap
            int i = centre + offsets[t];
            double b = weight[t] * v[i] + weight[t + 1] * v[i + 1]
                    + weight[t + 2] * v[i + w] + weight[t + 3] * v[i + w + 1] - base;
            sb += b;
            sbb += b * b;
            sab += a[k] * b;
        }
        return Pearson.of(n, (double) sa, sb, (double) saa, sbb, sab);
    }
}
