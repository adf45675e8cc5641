package org.symseg.model;

/**
 * Mean silhouette of a clustering with squared Euclidean distance, as Spark's
 * {@code ClusteringEvaluator} defines it: for a point, a = mean distance to the other points of
 * its cluster, b = the least mean distance to the points of another cluster, s = (b - a) /
 * max(a, b), and 0 for a point alone in its cluster. Sums per cluster make it O(points x k)
 * rather than O(points^2): sum ||x - y||^2 over y = n ||x||^2 - 2 x . sum y + sum ||y||^2.
 */
public final class Silhouette {

    private Silhouette() {
    }

    /** In [-1, 1], higher for compact, well-separated clusters; NaN with fewer than 2 clusters used. */
    public static double mean(double[][] points, int[] labels, int k) {
        int dims = points.length == 0 ? 0 : points[0].length;
        long[] counts = new long[k];
        double[][] sums = new double[k][dims];
        double[] squares = new double[k];
        for (int i = 0; i < points.length; i++) {
            counts[labels[i]]++;
            squares[labels[i]] += dot(points[i], points[i]);
            for (int j = 0; j < dims; j++) {
                sums[labels[i]][j] += points[i][j];
            }
        }
        int used = 0;
        for (long count : counts) {
            used += count > 0 ? 1 : 0;
        }
        if (used < 2) {
            return Double.NaN;
        }
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            double[] x = points[i];
            double norm = dot(x, x);
            int own = labels[i];
            if (counts[own] == 1) {
                continue;
            }
            double a = 0;
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    continue;
                }
                double mean = (counts[c] * norm - 2 * dot(x, sums[c]) + squares[c]) / counts[c];
                if (c == own) {
                    // the point itself adds 0 to the sum but must not count as a neighbour
                    a = mean * counts[c] / (counts[c] - 1);
                } else {
                    b = Math.min(b, mean);
                }
            }
            total += a < b ? 1 - a / b : a > b ? b / a - 1 : 0;
        }
        return total / points.length;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
