package org.symseg.model;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The canonical label order: the most frequent pattern is label 0, then by decreasing point count;
 * equal counts fall back to the centres' coordinates, so the order never depends on which label
 * k-means happened to give a cluster.
 */
public final class LabelOrder {

    private LabelOrder() {
    }

    /** Permutation: entry i is the k-means cluster that becomes label i. */
    public static int[] canonical(long[] counts, double[][] centres) {
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> bySize = Comparator.comparingLong(i -> -counts[i]);
        Arrays.sort(order, bySize.thenComparing((a, b) -> Arrays.compare(centres[a], centres[b])));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    public static double[][] reorder(double[][] centres, int[] order) {
        double[][] sorted = new double[order.length][];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = centres[order[i]].clone();
        }
        return sorted;
    }
}
