package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symseg.descriptor.CpuFeatures;

class VectorAssignmentTest {

    @Test
    void testJvmCompilesTheVectors() {
        assertTrue(CpuFeatures.vectors());
    }

    /** Every lane's label is the scalar one's: near ties, exact ties (the first centre) and NaN included. */
    @Test
    void simdBlocksGiveTheScalarLabels() {
        Random random = new Random(7);
        int count = 1003;
        int dimensions = 5;
        double[][] centres = new double[3][dimensions];
        for (double[] centre : centres) {
            for (int j = 0; j < dimensions; j++) {
                centre[j] = random.nextGaussian();
            }
        }
        double[][] points = new double[count][dimensions];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dimensions; j++) {
                // between the first two centres, where rounding decides
                points[i][j] = i % 3 == 0 ? (centres[0][j] + centres[1][j]) / 2 + 1e-17 * random.nextGaussian()
                        : 2 * random.nextGaussian();
            }
        }
        // a point as far from the first two centres as from each other; one not a number
        points[4] = new double[] {0, 0, 0, 0, 0};
        double[][] mirrored = {centres[0], Arrays.stream(centres[0]).map(v -> -v).toArray(),
            Arrays.stream(centres[2]).map(v -> v + 10).toArray()};
        points[9][2] = Double.NaN;
        for (double[][] set : new double[][][] {centres, mirrored}) {
            double[][] coordinates = new double[dimensions][count];
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < dimensions; j++) {
                    coordinates[j][i] = points[i][j];
                }
            }
            int[] labels = new int[count];
            Arrays.fill(labels, -1);
            int from = 3;
            int end = VectorAssignment.assign(coordinates, set, labels, from, count - 2);
            assertTrue(end > count - 2 - 16 && end <= count - 2, "blocks end at " + end);
            for (int i = 0; i < count; i++) {
                int expected = i >= from && i < end ? LocalKMeans.nearest(points[i], set) : -1;
                assertEquals(expected, labels[i], "point " + i);
            }
        }
        assertEquals(0, LocalKMeans.nearest(points[4], mirrored));
    }
}
