package org.symseg.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * How well a label map agrees with ground truth, whatever numbers either uses for its classes:
 * <ul>
 * <li>matched accuracy: the fraction of pixels right under the best one-to-one matching of labels
 * to truth classes ({@link Assignment}); labels or classes left over count as wrong;</li>
 * <li>adjusted Rand index: pair-counting agreement, 0 for chance and 1 for identical partitions;</li>
 * <li>per truth class, the intersection over union with its matched label (0 when unmatched).</li>
 * </ul>
 * With a tolerance t, pixels whose (2t+1) x (2t+1) neighbourhood holds more than one truth class
 * are left out: a boundary drawn a few pixels off is not counted against the labels.
 */
public record Evaluation(long pixels, long scored, double matchedAccuracy, double adjustedRand,
        List<PatternScore> patterns) {

    /**
     * One truth class: its value, the label value matched to it (null when none), the pixels of
     * each that were scored, and their intersection over union.
     */
    public record PatternScore(int truth, Integer label, long truthPixels, long labelPixels,
            double iou) {
    }

    /**
     * @param labels    frames of labels, row by row
     * @param truth     frames of truth classes, the same sizes
     * @param width     frame width, for the tolerance band
     * @param tolerance pixels around truth boundaries left out; 0 scores every pixel
     */
    public static Evaluation of(List<int[]> labels, List<int[]> truth, int width, int tolerance) {
        if (labels.size() != truth.size()) {
            throw new IllegalArgumentException(labels.size() + " label frames but " + truth.size()
                    + " truth frames");
        }
        TreeMap<Integer, Integer> labelIndex = index(labels);
        TreeMap<Integer, Integer> truthIndex = index(truth);
        long[][] table = new long[labelIndex.size()][truthIndex.size()];
        long pixels = 0;
        for (int f = 0; f < labels.size(); f++) {
            int[] l = labels.get(f);
            int[] t = truth.get(f);
            if (l.length != t.length) {
                throw new IllegalArgumentException("frame " + f + ": " + l.length + " labels but "
                        + t.length + " truth pixels");
            }
            boolean[] band = tolerance > 0 ? Boundary.band(t, width, tolerance) : new boolean[t.length];
            for (int i = 0; i < l.length; i++) {
                if (!band[i]) {
                    table[labelIndex.get(l[i])][truthIndex.get(t[i])]++;
                }
            }
            pixels += l.length;
        }
        return fromTable(table, pixels, List.copyOf(labelIndex.keySet()), List.copyOf(truthIndex.keySet()));
    }

    /** Matched accuracy of a contingency table (labels x classes) alone. */
    public static double matchedAccuracyOf(long[][] table) {
        int classes = table.length == 0 ? 0 : table[0].length;
        int[] match = Assignment.maximum(table, classes);
        long right = 0;
        long total = 0;
        for (int a = 0; a < table.length; a++) {
            right += match[a] >= 0 ? table[a][match[a]] : 0;
            for (long count : table[a]) {
                total += count;
            }
        }
        return total == 0 ? 0 : right / (double) total;
    }

    private static Evaluation fromTable(long[][] table, long pixels, List<Integer> labelValues,
            List<Integer> truthValues) {
        int classes = truthValues.size();
        long[] labelSums = new long[table.length];
        long[] truthSums = new long[classes];
        long scored = 0;
        for (int a = 0; a < table.length; a++) {
            for (int c = 0; c < classes; c++) {
                labelSums[a] += table[a][c];
                truthSums[c] += table[a][c];
                scored += table[a][c];
            }
        }
        int[] match = Assignment.maximum(table, classes);
        long right = 0;
        Integer[] labelOfClass = new Integer[classes];
        for (int a = 0; a < match.length; a++) {
            if (match[a] >= 0) {
                right += table[a][match[a]];
                labelOfClass[match[a]] = a;
            }
        }
        List<PatternScore> patterns = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            Integer a = labelOfClass[c];
            long both = a == null ? 0 : table[a][c];
            long labelled = a == null ? 0 : labelSums[a];
            long union = truthSums[c] + labelled - both;
            patterns.add(new PatternScore(truthValues.get(c), a == null ? null : labelValues.get(a),
                    truthSums[c], labelled, union == 0 ? 0 : both / (double) union));
        }
        return new Evaluation(pixels, scored, scored == 0 ? 0 : right / (double) scored,
                adjustedRand(table, labelSums, truthSums, scored), List.copyOf(patterns));
    }

    /** Hubert and Arabie's adjusted Rand index from the contingency table. */
    private static double adjustedRand(long[][] table, long[] labelSums, long[] truthSums, long n) {
        double together = 0;
        for (long[] row : table) {
            for (long count : row) {
                together += pairs(count);
            }
        }
        double labelPairs = 0;
        for (long sum : labelSums) {
            labelPairs += pairs(sum);
        }
        double truthPairs = 0;
        for (long sum : truthSums) {
            truthPairs += pairs(sum);
        }
        double expected = n < 2 ? 0 : labelPairs * truthPairs / pairs(n);
        double most = (labelPairs + truthPairs) / 2;
        // both partitions trivial (one class, or all singletons) and so identical
        return most == expected ? 1.0 : (together - expected) / (most - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    /** Distinct values in ascending order, each with its row or column in the table. */
    private static TreeMap<Integer, Integer> index(List<int[]> frames) {
        TreeMap<Integer, Integer> index = new TreeMap<>();
        for (int[] frame : frames) {
            for (int v : frame) {
                index.putIfAbsent(v, 0);
            }
        }
        int next = 0;
        for (Integer key : index.keySet()) {
            index.put(key, next++);
        }
        return index;
    }
}
