package org.symseg.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scores worked out by hand, and the matching checked against trying every permutation. */
class EvaluationTest {

    @Test
    void handWorkedExample() {
        // labels 0,1,2 against truth 5,7: table {0:{5:2}, 1:{5:1,7:2}, 2:{7:1}}
        Evaluation e = Evaluation.of(List.of(new int[] {0, 0, 1, 1, 1, 2}),
                List.of(new int[] {5, 5, 5, 7, 7, 7}), 6, 0);
        assertEquals(4 / 6.0, e.matchedAccuracy(), 1e-12);
        // pairs together 2, label pairs 4, truth pairs 6 of 15: (2 - 1.6) / (5 - 1.6)
        assertEquals(0.4 / 3.4, e.adjustedRand(), 1e-12);
        assertEquals(new Evaluation.PatternScore(5, 0, 3, 2, 2 / 3.0), e.patterns().get(0));
        assertEquals(new Evaluation.PatternScore(7, 1, 3, 3, 2 / 4.0), e.patterns().get(1));
    }

    @Test
    void renumberedLabelsAgreeFully() {
        int[] truth = {0, 0, 1, 1, 2, 2, 2, 0};
        int[] labels = {4, 4, 0, 0, 9, 9, 9, 4};
        Evaluation e = Evaluation.of(List.of(labels), List.of(truth), 4, 0);
        assertEquals(1.0, e.matchedAccuracy());
        assertEquals(1.0, e.adjustedRand(), 1e-12);
        e.patterns().forEach(p -> assertEquals(1.0, p.iou()));
    }

    @Test
    void aTruthClassWithoutALabelScoresZero() {
        Evaluation e = Evaluation.of(List.of(new int[] {0, 0, 0, 0}), List.of(new int[] {0, 0, 1, 1}), 4, 0);
        assertEquals(0.5, e.matchedAccuracy());
        assertEquals(0.0, e.adjustedRand(), 1e-12);
        assertNull(e.patterns().get(1).label());
        assertEquals(0.0, e.patterns().get(1).iou());
    }

    @Test
    void toleranceLeavesOutTheBandAroundTruthBoundaries() {
        // 6 x 6: truth splits at column 3, labels at column 4
        int[] truth = new int[36];
        int[] labels = new int[36];
        for (int i = 0; i < 36; i++) {
            truth[i] = i % 6 < 3 ? 0 : 1;
            labels[i] = i % 6 < 4 ? 0 : 1;
        }
        Evaluation exact = Evaluation.of(List.of(labels), List.of(truth), 6, 0);
        assertEquals(30 / 36.0, exact.matchedAccuracy(), 1e-12);
        Evaluation tolerant = Evaluation.of(List.of(labels), List.of(truth), 6, 1);
        assertEquals(24, tolerant.scored(), "columns 2 and 3 touch the other class");
        assertEquals(36, tolerant.pixels());
        assertEquals(1.0, tolerant.matchedAccuracy());
    }

    @Test
    void matchingIsOptimal() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + random.nextInt(5);
            int columns = 1 + random.nextInt(5);
            long[][] weights = new long[rows][columns];
            for (long[] row : weights) {
                for (int c = 0; c < columns; c++) {
                    row[c] = random.nextInt(100);
                }
            }
            int[] match = Assignment.maximum(weights, columns);
            long total = 0;
            boolean[] taken = new boolean[columns];
            for (int r = 0; r < rows; r++) {
                if (match[r] >= 0) {
                    assertEquals(false, taken[match[r]], "column used twice");
                    taken[match[r]] = true;
                    total += weights[r][match[r]];
                }
            }
            assertEquals(best(weights, 0, new boolean[columns]), total);
        }
        assertArrayEquals(new int[] {1, 0}, Assignment.maximum(new long[][] {{1, 5}, {4, 1}}, 2));
    }

    private static long best(long[][] weights, int row, boolean[] used) {
        if (row == weights.length) {
            return 0;
        }
        long best = best(weights, row + 1, used);
        for (int c = 0; c < used.length; c++) {
            if (!used[c]) {
                used[c] = true;
                best = Math.max(best, weights[row][c] + best(weights, row + 1, used));
                used[c] = false;
            }
        }
        return best;
    }
}
