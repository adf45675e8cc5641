package org.symseg.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@code --k auto} chose the number of patterns: a score per candidate k (higher is better)
 * and the winner. Scores are compared after rounding to {@link #DIGITS} decimals, so a last-bit
 * difference in a distributed sum cannot change the choice; equal scores go to the smaller k.
 */
public record KSelection(String method, Map<Integer, Double> scores, int chosen) {

    public static final int DIGITS = 6;
    /** Points the choice is made on at most; silhouette and k-means are O(points x k) here. */
    public static final int SAMPLE = 20_000;
    public static final String SILHOUETTE = "mean silhouette of k-means on the fit's PCA features";

    public KSelection {
        scores = Collections.unmodifiableMap(new TreeMap<>(scores));
    }

    /** The candidate with the best rounded score. */
    public static KSelection best(String method, Map<Integer, Double> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no candidate k was scored");
        }
        int chosen = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Integer, Double> e : new TreeMap<>(scores).entrySet()) {
            double score = rounded(e.getValue());
            if (chosen < 0 || score > best) {
                chosen = e.getKey();
                best = score;
            }
        }
        return new KSelection(method, scores, chosen);
    }

    /**
     * Scores k = kMin..kMax by the mean silhouette ({@link Silhouette}) of seeded k-means fits
     * ({@link LocalKMeans}) on {@code points}, thinned evenly to at most {@link #SAMPLE}.
     */
    public static KSelection bySilhouette(double[][] points, int kMin, int kMax, long seed) {
        double[][] sample = thinned(points);
        Map<Integer, Double> scores = new TreeMap<>();
        for (int k = kMin; k <= kMax; k++) {
            double[][] centres = LocalKMeans.fit(sample, k, seed);
            scores.put(k, Silhouette.mean(sample, LocalKMeans.assign(sample, centres), k));
        }
        return best(SILHOUETTE, scores);
    }

    /** Every n-th of {@code points}, with n the least that keeps at most {@link #SAMPLE}. */
    public static double[][] thinned(double[][] points) {
        int step = Math.max(1, (points.length + SAMPLE - 1) / SAMPLE);
        double[][] sample = new double[(points.length + step - 1) / step][];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = points[i * step];
        }
        return sample;
    }

    public static double rounded(double score) {
        double scale = Math.pow(10, DIGITS);
        return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : Math.rint(score * scale) / scale;
    }
}
