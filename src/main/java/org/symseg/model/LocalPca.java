package org.symseg.model;

/**
 * Principal axes of points held in memory, or of a covariance matrix: its eigenvectors
 * ({@link #symmetricEigen}), in order of decreasing variance, each signed so its largest entry
 * is positive, so the same points always give the same axes.
 */
public final class LocalPca {

    private static final double EPSILON = 0x1p-52;
    /** QL steps per eigenvalue; two or three are typical. */
    private static final int MAX_ITERATIONS = 60;

    private LocalPca() {
    }

    /** The first {@code count} principal axes, one row each, of the rows of {@code points}. */
    public static double[][] axes(double[][] points, int count) {
        return axesOf(covariance(points), count);
    }

    /** The first {@code count} principal axes, one row each, of a covariance matrix (kept). */
    public static double[][] axesOf(double[][] covarianceMatrix, int count) {
        int d = covarianceMatrix.length;
        double[][] covariance = new double[d][];
        for (int i = 0; i < d; i++) {
            covariance[i] = covarianceMatrix[i].clone();
        }
        if (count < 1 || count > d) {
            throw new IllegalArgumentException(count + " components of " + d + " dimensions");
        }
        double[][] vectors = new double[d][d];
        double[] values = symmetricEigen(covariance, vectors);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[][] axes = new double[count][d];
        for (int c = 0; c < count; c++) {
            int vector = order[c];
            int largest = 0;
            for (int j = 0; j < d; j++) {
                axes[c][j] = vectors[vector][j];
                if (Math.abs(axes[c][j]) > Math.abs(axes[c][largest])) {
                    largest = j;
                }
            }
            if (axes[c][largest] < 0) {
                for (int j = 0; j < d; j++) {
                    axes[c][j] = -axes[c][j];
                }
            }
        }
        return axes;
    }

    static double[][] covariance(double[][] points) {
        int n = points.length;
        int d = points[0].length;
        double[] mean = new double[d];
        for (double[] p : points) {
            for (int j = 0; j < d; j++) {
                mean[j] += p[j] / n;
            }
        }
        double[][] c = new double[d][d];
        for (double[] p : points) {
            for (int i = 0; i < d; i++) {
                double di = p[i] - mean[i];
                for (int j = i; j < d; j++) {
                    c[i][j] += di * (p[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= Math.max(1, n - 1);
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /**
     * Eigenvalues and eigenvectors of the symmetric matrix {@code a} (overwritten): returns the
     * eigenvalues, and row i of {@code vectors} becomes the eigenvector of eigenvalue i. First
     * Householder reflections bring {@code a} to tridiagonal form, then QL steps with implicit
     * shifts diagonalise that; both keep the vectors as rows, so every update runs along
     * contiguous memory. For a 100 x 100 covariance this takes a few milliseconds, where cyclic
     * Jacobi rotations took about 20 ms on the driver of every fit.
     */
    static double[] symmetricEigen(double[][] a, double[][] vectors) {
        int n = a.length;
        double[] diagonal = new double[n];
        double[] offDiagonal = new double[n];
        tridiagonalize(a, vectors, offDiagonal);
        for (int i = 0; i < n; i++) {
            diagonal[i] = a[i][i];
        }
        diagonalize(diagonal, offDiagonal, vectors);
        return diagonal;
    }

    /**
     * Reflects away the entries below the subdiagonal, column by column: afterwards {@code a}'s
     * diagonal is the tridiagonal matrix's, {@code offDiagonal[k]} couples k and k + 1, and the
     * rows of {@code vectors} are the columns of the accumulated orthogonal transform.
     */
    private static void tridiagonalize(double[][] a, double[][] vectors, double[] offDiagonal) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        double[] v = new double[n];
        double[] w = new double[n];
        double[] u = new double[n];
        for (int k = 0; k + 2 < n; k++) {
            // reflect x = a[k+1..][k] onto a multiple of its first axis
            double scale = 0;
            for (int i = k + 1; i < n; i++) {
                scale = Math.max(scale, Math.abs(a[i][k]));
            }
            if (scale == 0) {
                offDiagonal[k] = 0;
                continue;
            }
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                v[i] = a[i][k] / scale;
                norm2 += v[i] * v[i];
            }
            double first = v[k + 1];
            // the sign that keeps v's first entry from cancelling
            double alpha = (first >= 0 ? -1 : 1) * Math.sqrt(norm2);
            v[k + 1] = first - alpha;
            double beta = 1 / (norm2 - alpha * first); // 2 / v'v
            offDiagonal[k] = alpha * scale;
            // a <- H a H on the trailing block, as a - v w' - w v' with w = p - (beta v'p / 2) v
            double vp = 0;
            for (int i = k + 1; i < n; i++) {
                double sum = 0;
                double[] row = a[i];
                for (int j = k + 1; j < n; j++) {
                    sum += row[j] * v[j];
                }
                w[i] = beta * sum;
                vp += v[i] * w[i];
            }
            double half = beta * vp / 2;
            for (int i = k + 1; i < n; i++) {
                w[i] -= half * v[i];
            }
            for (int i = k + 1; i < n; i++) {
                double[] row = a[i];
                double vi = v[i];
                double wi = w[i];
                for (int j = k + 1; j < n; j++) {
                    row[j] -= vi * w[j] + wi * v[j];
                }
            }
            // vectors <- H vectors on rows k+1.., so that they stay the transform's columns
            java.util.Arrays.fill(u, 0);
            for (int i = k + 1; i < n; i++) {
                double vi = v[i];
                double[] row = vectors[i];
                for (int j = 0; j < n; j++) {
                    u[j] += vi * row[j];
                }
            }
            for (int i = k + 1; i < n; i++) {
                double bv = beta * v[i];
                double[] row = vectors[i];
                for (int j = 0; j < n; j++) {
                    row[j] -= bv * u[j];
                }
            }
        }
        if (n >= 2) {
            offDiagonal[n - 2] = a[n - 1][n - 2];
        }
        offDiagonal[n - 1] = 0;
    }

    /**
     * QL iterations with implicit Wilkinson shifts on the tridiagonal matrix; each plane rotation
     * is applied to the rows of {@code vectors} it mixes.
     */
    private static void diagonalize(double[] d, double[] e, double[][] vectors) {
        int n = d.length;
        for (int l = 0; l < n; l++) {
            for (int iteration = 0; ; iteration++) {
                int m = l;
                while (m < n - 1 && Math.abs(e[m]) > EPSILON * (Math.abs(d[m]) + Math.abs(d[m + 1]))) {
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (iteration == MAX_ITERATIONS) {
                    throw new ArithmeticException("eigenvalues did not converge");
                }
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.hypot(g, 1);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1;
                double c = 1;
                double p = 0;
                boolean deflated = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0) {
                        // an underflow split the matrix: start again on the smaller block
                        d[i + 1] -= p;
                        e[m] = 0;
                        deflated = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    double[] lower = vectors[i];
                    double[] upper = vectors[i + 1];
                    for (int k = 0; k < n; k++) {
                        double x = upper[k];
                        upper[k] = s * lower[k] + c * x;
                        lower[k] = c * lower[k] - s * x;
                    }
                }
                if (!deflated) {
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            }
        }
    }
}
