package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eigen-decomposition under PCA, on matrices whose eigenvalues are known. */
class LocalPcaTest {

    @Test
    void findsKnownEigenvaluesAndOrthonormalEigenvectors() {
        Random random = new Random(5);
        for (int n : new int[] {1, 2, 3, 7, 40, 101}) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextGaussian() * Math.pow(10, random.nextInt(6) - 3);
            }
            check(withEigenvalues(values, random), values);
        }
    }

    @Test
    void handlesRepeatedAndZeroEigenvalues() {
        Random random = new Random(6);
        check(withEigenvalues(new double[] {2, 2, 2, 0, 0, 1, -1, 2}, random),
                new double[] {2, 2, 2, 0, 0, 1, -1, 2});
        double[] zeros = new double[9];
        check(withEigenvalues(zeros, random), zeros);
        // already diagonal, and already tridiagonal
        check(new double[][] {{3, 0, 0}, {0, 1, 0}, {0, 0, 2}}, new double[] {3, 1, 2});
        check(new double[][] {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}},
                new double[] {2 - Math.sqrt(2), 2, 2 + Math.sqrt(2)});
    }

    @Test
    void axesOfACovarianceComeInOrderOfVarianceWithTheirLargestEntryPositive() {
        Random random = new Random(8);
        double[][] c = withEigenvalues(new double[] {0.5, 4, 0.1, 2, 0.01}, random);
        double[][] axes = LocalPca.axesOf(c, 3);
        double[] expected = {4, 2, 0.5};
        for (int a = 0; a < 3; a++) {
            assertEquals(expected[a], rayleigh(c, axes[a]), 1e-12);
            double largest = Arrays.stream(axes[a]).map(Math::abs).max().orElseThrow();
            assertEquals(largest, Arrays.stream(axes[a]).max().orElseThrow(), 0);
        }
    }

    private static void check(double[][] matrix, double[] expectedValues) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double[][] vectors = new double[n][n];
        double[] values = LocalPca.symmetricEigen(a, vectors);
        double scale = Arrays.stream(expectedValues).map(Math::abs).max().orElse(0) + 1e-300;
        double[] sortedFound = values.clone();
        double[] sortedExpected = expectedValues.clone();
        Arrays.sort(sortedFound);
        Arrays.sort(sortedExpected);
        assertArrayEquals(sortedExpected, sortedFound, 1e-12 * scale, "eigenvalues, n " + n);
        for (int i = 0; i < n; i++) {
            double[] image = times(matrix, vectors[i]);
            for (int k = 0; k < n; k++) {
                assertEquals(values[i] * vectors[i][k], image[k], 1e-12 * scale, "A v = lambda v, n " + n);
            }
            for (int j = 0; j < n; j++) {
                assertEquals(i == j ? 1 : 0, dot(vectors[i], vectors[j]), 1e-12, "orthonormal, n " + n);
            }
        }
    }

    /** Q diag(values) Q' for a random orthogonal Q (Gram-Schmidt of Gaussian rows). */
    private static double[][] withEigenvalues(double[] values, Random random) {
        int n = values.length;
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                q[i][k] = random.nextGaussian();
            }
            for (int j = 0; j < i; j++) {
                double along = dot(q[i], q[j]);
                for (int k = 0; k < n; k++) {
                    q[i][k] -= along * q[j][k];
                }
            }
            double norm = Math.sqrt(dot(q[i], q[i]));
            for (int k = 0; k < n; k++) {
                q[i][k] /= norm;
            }
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    m[i][j] += q[k][i] * values[k] * q[k][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                m[i][j] = m[j][i]; // exactly symmetric
            }
        }
        return m;
    }

    private static double rayleigh(double[][] m, double[] v) {
        return dot(v, times(m, v)) / dot(v, v);
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = dot(m[i], v);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
