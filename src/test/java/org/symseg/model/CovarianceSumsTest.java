package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CovarianceSumsTest {

    /** Rows of d random values from 1e-3 to 1e3 in size, so that sums of products round. */
    private static List<float[]> rows(int n, int d, long seed) {
        Random random = new Random(seed);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] row = new float[d];
            for (int j = 0; j < d; j++) {
                row[j] = (float) ((random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(7) - 3));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void addingAllAtOnceGivesTheSumsOfAddingRowByRowBitForBit() {
        for (int n : new int[] {0, 1, 3, 4, 5, 103}) {
            List<float[]> rows = rows(n, 7, n);
            CovarianceSums one = new CovarianceSums(7);
            rows.forEach(one::add);
            CovarianceSums all = new CovarianceSums(7);
            all.addAll(rows.iterator());
            assertEquals(one.count(), all.count());
            double[][] expected = one.covariance();
            double[][] actual = all.covariance();
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 7; j++) {
                    assertEquals(Double.doubleToLongBits(expected[i][j]),
                            Double.doubleToLongBits(actual[i][j]), n + " rows, entry " + i + "," + j);
                }
            }
        }
    }

    @Test
    void covarianceIsTheSampleCovariance() {
        List<float[]> rows = rows(50, 3, 7);
        CovarianceSums sums = new CovarianceSums(3);
        sums.addAll(rows.iterator());
        double[] mean = new double[3];
        for (float[] row : rows) {
            for (int j = 0; j < 3; j++) {
                mean[j] += row[j] / 50.0;
            }
        }
        double[][] expected = new double[3][3];
        for (float[] row : rows) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    expected[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / 49.0;
                }
            }
        }
        double[][] actual = sums.covariance();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], actual[i][j], 1e-9 * Math.abs(expected[i][j]));
            }
        }
    }
}
