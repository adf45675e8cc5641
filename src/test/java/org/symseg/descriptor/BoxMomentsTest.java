package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoxMomentsTest {

    @Test
    void everyRowOrderGivesTheBruteForceSums() {
        QuantizedImage image = PointSymmetryDescriptorTest.random(90, 70, 3);
        int size = 13;
        int[] columns = {0, 1, 5, 6, 30, 44, 77};
        BoxMoments boxes = new BoxMoments(image.asDoubles(), image.width(), image.height(), size, columns);
        // moving down by one and by a few rows, a jump past half a box, back up, the last row
        int[] rows = {0, 1, 4, 9, 30, 31, 2, 57, 57};
        for (int y : rows) {
            long[] sums = new long[columns.length + 2];
            long[] squares = new long[columns.length + 2];
            boxes.row(y, sums, squares, 2);
            long[] wantedSums = new long[sums.length];
            long[] wantedSquares = new long[sums.length];
            for (int i = 0; i < columns.length; i++) {
                for (int v = 0; v < size; v++) {
                    for (int u = 0; u < size; u++) {
                        long p = image.at(columns[i] + u, y + v);
                        wantedSums[2 + i] += p;
                        wantedSquares[2 + i] += p * p;
                    }
                }
            }
            assertArrayEquals(wantedSums, sums, "sums at row " + y);
            assertArrayEquals(wantedSquares, squares, "squares at row " + y);
        }
    }

    @Test
    void boxesOutsideTheImageAreRefused() {
        QuantizedImage image = PointSymmetryDescriptorTest.random(20, 20, 4);
        double[] values = image.asDoubles();
        assertThrows(IllegalArgumentException.class, () -> new BoxMoments(values, 20, 20, 5, new int[] {16}));
        assertThrows(IllegalArgumentException.class, () -> new BoxMoments(values, 20, 20, 5, new int[] {3, 3}));
        BoxMoments boxes = new BoxMoments(values, 20, 20, 5, new int[] {0, 15});
        assertThrows(IllegalArgumentException.class, () -> boxes.row(16, new long[2], new long[2], 0));
    }
}
