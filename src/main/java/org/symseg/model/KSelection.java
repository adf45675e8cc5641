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

    public static double rounded(double score) {
        double scale = Math.pow(10, DIGITS);
        return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : Math.rint(score * scale) / scale;
    }
}
