package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabelOrderTest {

    @Test
    void largestPatternFirstThenCentresBreakTies() {
        double[][] centres = {{3, 0}, {1, 0}, {2, 0}, {0, 5}};
        long[] counts = {10, 50, 10, 5};
        int[] order = LabelOrder.canonical(counts, centres);
        assertArrayEquals(new int[] {1, 2, 0, 3}, order);
        double[][] sorted = LabelOrder.reorder(centres, order);
        assertEquals(1, sorted[0][0]);
        assertEquals(2, sorted[1][0]);
    }

    @Test
    void modelPredictsNearestCentre() {
        SegmentationModel model = new SegmentationModel(new double[][] {{1, 0}, {0, 1}},
                new double[][] {{0, 0}, {10, 10}});
        short[] labels = model.labels(new float[] {1, 1, 9, 8, 6, 6}, 3);
        assertArrayEquals(new short[] {0, 1, 1}, labels);
    }
}
