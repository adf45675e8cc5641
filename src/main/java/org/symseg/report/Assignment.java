package org.symseg.report;

import java.util.Arrays;

/**
 * The one-to-one matching of rows to columns with the largest total weight (Hungarian method with
 * potentials, O(n^3)). A rectangular matrix is padded with zero weights, so rows or columns left
 * over stay unmatched.
 */
final class Assignment {

    private Assignment() {
    }

    /** For each row, its matched column, or -1 when it matched only padding. */
    static int[] maximum(long[][] weights, int columns) {
        int rows = weights.length;
        int n = Math.max(rows, columns);
        long top = 0;
        for (long[] row : weights) {
            for (long w : row) {
                top = Math.max(top, w);
            }
        }
        // minimise top - weight: the same matching, with non-negative costs
        long[][] cost = new long[n + 1][n + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                cost[i][j] = top - (i <= rows && j <= columns ? weights[i - 1][j - 1] : 0);
            }
        }
        long[] u = new long[n + 1];
        long[] v = new long[n + 1];
        int[] rowOf = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            rowOf[0] = i;
            int j0 = 0;
            long[] least = new long[n + 1];
            Arrays.fill(least, Long.MAX_VALUE);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = rowOf[j0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        long reduced = cost[i0][j] - u[i0] - v[j];
                        if (reduced < least[j]) {
                            least[j] = reduced;
                            way[j] = j0;
                        }
                        if (least[j] < delta) {
                            delta = least[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    } else {
                        least[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOf[j0] != 0);
            do {
                int j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] match = new int[rows];
        Arrays.fill(match, -1);
        for (int j = 1; j <= n; j++) {
            if (rowOf[j] >= 1 && rowOf[j] <= rows && j <= columns) {
                match[rowOf[j] - 1] = j - 1;
            }
        }
        return match;
    }
}
