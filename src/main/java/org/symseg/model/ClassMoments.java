package org.symseg.model;

import java.io.Serializable;

/**
 * Per-class count, sum and sum of squares of a set of channels: enough for each channel's
 * variance and its Fisher separability between the classes (paper, Eq. 4, for any number of
 * classes): S = sum_c N_c (mu_c - mu)^2 / sum_c N_c sigma_c^2, between-class over within-class
 * variance. Partial moments from several partitions merge into the whole set's.
 */
public final class ClassMoments implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int channels;
    private final long[] counts;
    private final double[] sums;
    private final double[] squares;

    public ClassMoments(int classes, int channels) {
        this.channels = channels;
        this.counts = new long[classes];
        this.sums = new double[classes * channels];
        this.squares = new double[classes * channels];
    }

    public int channels() {
        return channels;
    }

    public void add(int label, double[] values) {
        counts[label]++;
        int at = label * channels;
        for (int c = 0; c < channels; c++) {
            sums[at + c] += values[c];
            squares[at + c] += values[c] * values[c];
        }
    }

    /** Adds another set's moments to these; merging in a fixed order gives fixed sums. */
    public ClassMoments merge(ClassMoments other) {
        for (int k = 0; k < counts.length; k++) {
            counts[k] += other.counts[k];
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
            squares[i] += other.squares[i];
        }
        return this;
    }

    /** The number of points of each class. */
    public long[] counts() {
        return counts.clone();
    }

    /** The same moments with classes renumbered: class i of the result is class order[i]. */
    public ClassMoments reordered(int[] order) {
        ClassMoments out = new ClassMoments(counts.length, channels);
        for (int k = 0; k < order.length; k++) {
            out.counts[k] = counts[order[k]];
            System.arraycopy(sums, order[k] * channels, out.sums, k * channels, channels);
            System.arraycopy(squares, order[k] * channels, out.squares, k * channels, channels);
        }
        return out;
    }

    public long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
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
            sum += sums[k * channels + c];
            square += squares[k * channels + c];
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
            total += sums[k * channels + c];
        }
        double mean = total / n;
        double between = 0;
        double within = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                continue;
            }
            double classMean = sums[k * channels + c] / counts[k];
            double classVariance = Math.max(0, squares[k * channels + c] / counts[k] - classMean * classMean);
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
