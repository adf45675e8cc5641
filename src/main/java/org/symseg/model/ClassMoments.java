package org.symseg.model;

import java.io.Serializable;

/**
 * Per-class count, sum and sum of squares of a set of channels: enough for each channel's
 * variance and its Fisher separability between the classes (paper, Eq. 4, for any number of
 * classes): S = sum_c N_c (mu_c - mu)^2 / sum_c N_c sigma_c^2, between-class over within-class
 * variance. The sums are exact ({@link FixedSums}; values are rounded to multiples of 2^-16,
 * about 1.5e-5), so moments gathered in any partitioning and merged in any order are the same
 * bit for bit.
 */
public final class ClassMoments implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final double SCALE = 0x1p16;

    private final int channels;
    private final long[] counts;
    private final FixedSums sums;
    private final FixedSums squares;
    /** Scratch for {@link #add}: one point's values, quantized. */
    private transient double[] quantized;

    public ClassMoments(int classes, int channels) {
        this.channels = channels;
        this.counts = new long[classes];
        this.sums = new FixedSums(classes * channels);
        this.squares = new FixedSums(classes * channels);
    }

    private ClassMoments(int channels, long[] counts, FixedSums sums, FixedSums squares) {
        this.channels = channels;
        this.counts = counts;
        this.sums = sums;
        this.squares = squares;
    }

    /**
     * The moments, per pattern of {@code model} (each point's nearest centre), of the
     * descriptors at {@code offsets} of {@code data}, followed, when {@code withFeatures}, by
     * their PCA features.
     */
    public static ClassMoments byPattern(SegmentationModel model, float[] data, int[] offsets,
            boolean withFeatures) {
        return byPattern(model, data, offsets, withFeatures, null);
    }

    /**
     * The same with the features, given rather than projected again: the projection by
     * {@code model} of the descriptors at {@code offsets}, one point after the other, as
     * {@link SegmentationModel#project(float[], int[])} gives them.
     */
    public static ClassMoments byPattern(SegmentationModel model, float[] data, int[] offsets,
            double[] features) {
        return byPattern(model, data, offsets, true, features);
    }

    private static ClassMoments byPattern(SegmentationModel model, float[] data, int[] offsets,
            boolean withFeatures, double[] known) {
        int length = model.descriptorLength();
        int count = model.features();
        int features = withFeatures ? count : 0;
        ClassMoments moments = new ClassMoments(model.patterns(), length + features);
        double[] projected = known != null ? known : model.project(data, offsets);
        double[] point = new double[count];
        double[] values = new double[length + features];
        for (int p = 0; p < offsets.length; p++) {
            int offset = offsets[p];
            for (int d = 0; d < length; d++) {
                values[d] = data[offset + d];
            }
            System.arraycopy(projected, p * count, point, 0, count);
            System.arraycopy(point, 0, values, length, features);
            moments.add(model.nearest(point), values);
        }
        return moments;
    }

    public int channels() {
        return channels;
    }

    public void add(int label, double[] values) {
        if (quantized == null) {
            quantized = new double[channels];
        }
        double[] q = quantized;
        double largest = FixedSums.quantize(values, 0, channels, SCALE, q);
        double[] s = sums.pending(largest);
        double[] s2 = squares.pending(largest * largest);
        counts[label]++;
        int at = label * channels;
        for (int c = 0; c < channels; c++) {
            s[at + c] += q[c];
            s2[at + c] += q[c] * q[c];
        }
    }

    /** Adds another set's moments to these; the sums are exact, so in any order. */
    public ClassMoments merge(ClassMoments other) {
        for (int k = 0; k < counts.length; k++) {
            counts[k] += other.counts[k];
        }
        sums.merge(other.sums);
        squares.merge(other.squares);
        return this;
    }

    /** The number of points of each class. */
    public long[] counts() {
        return counts.clone();
    }

    /** The same moments with classes renumbered: class i of the result is class order[i]. */
    public ClassMoments reordered(int[] order) {
        long[] reorderedCounts = new long[counts.length];
        for (int k = 0; k < order.length; k++) {
            reorderedCounts[k] = counts[order[k]];
        }
        return new ClassMoments(channels, reorderedCounts, sums.reordered(order, channels),
                squares.reordered(order, channels));
    }

    public long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    private double sum(int k, int c) {
        return sums.total(k * channels + c) / SCALE;
    }

    private double square(int k, int c) {
        return squares.total(k * channels + c) / (SCALE * SCALE);
    }

    /** Variance of channel c over every point, whatever its class. */
    public double variance(int c) {
        long n = count();
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        double square = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += sum(k, c);
            square += square(k, c);
        }
        double mean = sum / n;
        return Math.max(0, square / n - mean * mean);
    }

    /**
     * Fisher separability of channel c between the classes; 0 if the classes do not differ in
     * it, infinite if they differ and each class is constant in it.
     */
    public double separability(int c) {
        long n = count();
        if (n == 0) {
            return 0;
        }
        double total = 0;
        for (int k = 0; k < counts.length; k++) {
            total += sum(k, c);
        }
        double mean = total / n;
        double between = 0;
        double within = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                continue;
            }
            double classMean = sum(k, c) / counts[k];
            double classVariance = Math.max(0, square(k, c) / counts[k] - classMean * classMean);
            between += counts[k] * (classMean - mean) * (classMean - mean);
            within += counts[k] * classVariance;
        }
        if (within == 0) {
            return between == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return between / within;
    }

    /** The channels among the first {@code among} with the highest separability, best first. */
    public int[] best(int count, int among) {
        return java.util.stream.IntStream.range(0, among).boxed()
                .sorted(java.util.Comparator.comparingDouble((Integer c) -> -separability(c))
                        .thenComparingInt(c -> c))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }
}
