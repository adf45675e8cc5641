package org.symseg.report;

import java.util.Arrays;

/**
 * The one-to-one matching of rows to columns with the largest total weight (Hungarian method with
 * potentials). It runs on the smaller side against the larger, O(small^2 x large), so a label map
 * with many labels against a few truth classes stays cheap; what is left over stays unmatched.
 */
final class Assignment {

    private Assignment() {
    }

    /** For each row, its matched column, or -1 when it is left over. */
    static int[] maximum(long[][] weights, int columns) {
        int rows = weights.length;
        if (rows <= columns) {
            return solve(weights, rows, columns);
        }
        long[][] transposed = new long[columns][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                transposed[c][r] = weights[r][c];
            }
        }
        int[] rowOfColumn = solve(transposed, columns, rows);
        int[] match = new int[rows];
        Arrays.fill(match, -1);
        for (int c = 0; c < columns; c++) {
            match[rowOfColumn[c]] = c;
        }
        return match;
    }

    /** Every one of n rows matched to one of m >= n columns. */
    private static int[] solve(long[][] weights, int n, int m) {
        long top = 0;
        for (long[] row : weights) {
            for (long w : row) {
                top = Math.max(top, w);
            }
        }
        // minimise top - weight: the same matching, with non-negative costs
        long[] u = new long[n + 1];
        long[] v = new long[m + 1];
        int[] rowOf = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOf[0] = i;
            int j0 = 0;
            long[] least = new long[m + 1];
            Arrays.fill(least, Long.MAX_VALUE);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = rowOf[j0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        long reduced = top - weights[i0 - 1][j - 1] - u[i0] - v[j];
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
                for (int j = 0; j <= m; j++) {
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
        int[] match = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOf[j] != 0) {
                match[rowOf[j] - 1] = j - 1;
            }
        }
        return match;
    }
}
