package org.symseg.model;

/**
 * Principal axes of points held in memory: the covariance matrix, diagonalised by cyclic Jacobi
 * rotations (exact for a symmetric matrix, and small: descriptor length squared). Axes come in
 * order of decreasing variance, each signed so its largest entry is positive, so the same points
 * always give the same axes.
 */
public final class LocalPca {

    private static final int MAX_SWEEPS = 100;

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
        for (int i = 0; i < d; i++) {
            vectors[i][i] = 1;
        }
        jacobi(covariance, vectors);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(covariance[b][b], covariance[a][a]));
        double[][] axes = new double[count][d];
        for (int c = 0; c < count; c++) {
            int column = order[c];
            int largest = 0;
            for (int j = 0; j < d; j++) {
                axes[c][j] = vectors[j][column];
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
     * Turns {@code a} into its eigenvalues (on the diagonal) by plane rotations that zero one
     * off-diagonal pair at a time; {@code v} accumulates the rotations: its columns become the
     * eigenvectors.
     */
    static void jacobi(double[][] a, double[][] v) {
        int d = a.length;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double all = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    all += a[i][j] * a[i][j];
                    off += i == j ? 0 : a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * all || off == 0) {
                return;
            }
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
    }

    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int d = a.length;
        for (int k = 0; k < d; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < d; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < d; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
