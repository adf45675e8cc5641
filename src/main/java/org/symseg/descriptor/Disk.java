package org.symseg.descriptor;

import java.io.Serializable;

/**
 * A circular patch: the pixel offsets (u, v) from a base pixel whose centres lie within
 * {@code radius} of the patch centre, row by row. The centre is the base pixel itself or half a
 * pixel to its right and/or below it ({@code halfX}, {@code halfY}), so patches can be centred
 * on a half-pixel grid while their own samples stay whole pixels.
 *
 * <p>With a {@code step} above 1 the patch keeps every step-th column of every step-th row: the
 * columns u with 2u = hx (mod step), likewise the rows. The step is odd, so that lattice is
 * symmetric about the centre at every centring, and the whole-pixel operations that map the full
 * disk onto itself (half turns, mirrors along the axes; with hx = hy quarter turns and diagonal
 * mirrors) map it onto itself too.
 */
record Disk(int radius, boolean halfX, boolean halfY, int step, int[] us, int[] vs) implements Serializable {

    static Disk of(int radius, boolean halfX, boolean halfY, int step) {
        if (step < 1 || step % 2 == 0) {
            throw new IllegalArgumentException("sampling step must be odd and at least 1");
        }
        int hx = halfX ? 1 : 0;
        int hy = halfY ? 1 : 0;
        int[] us = new int[(2 * radius + 2) * (2 * radius + 2)];
        int[] vs = new int[us.length];
        int count = 0;
        for (int v = -radius; v <= radius + hy; v++) {
            for (int u = -radius; u <= radius + hx; u++) {
                // in half pixels, to stay in integers
                int du = 2 * u - hx;
                int dv = 2 * v - hy;
                if (du * du + dv * dv <= 4 * radius * radius
                        && Math.floorMod(du, step) == 0 && Math.floorMod(dv, step) == 0) {
                    us[count] = u;
                    vs[count] = v;
                    count++;
                }
            }
        }
        return new Disk(radius, halfX, halfY, step, java.util.Arrays.copyOf(us, count),
                java.util.Arrays.copyOf(vs, count));
    }

    static Disk of(int radius, boolean halfX, boolean halfY) {
        return of(radius, halfX, halfY, 1);
    }

    static Disk of(int radius) {
        return of(radius, false, false);
    }

    int size() {
        return us.length;
    }

    int u(int k) {
        return us[k];
    }

    int v(int k) {
        return vs[k];
    }

    /**
     * For each sample, the index of the opposite one through the patch centre: (u, v) and
     * (hx - u, hy - v), with hx, hy 1 for a centre half a pixel right or down, else 0. A disk
     * is symmetric about its centre, so every sample has one.
     */
    int[] opposite() {
        int hx = halfX ? 1 : 0;
        int hy = halfY ? 1 : 0;
        int[] u = new int[size()];
        int[] v = new int[size()];
        for (int k = 0; k < u.length; k++) {
            u[k] = hx - us[k];
            v[k] = hy - vs[k];
        }
        return indicesOf(u, v);
    }

    /** The indices of the samples at offsets (u[i], v[i]); -1 where the disk has none. */
    int[] indicesOf(int[] u, int[] v) {
        // samples lie within -radius ... radius + 1 along either axis
        int side = 2 * radius + 2;
        int[] grid = new int[side * side];
        java.util.Arrays.fill(grid, -1);
        for (int k = 0; k < size(); k++) {
            grid[(vs[k] + radius) * side + us[k] + radius] = k;
        }
        int[] indices = new int[u.length];
        for (int i = 0; i < u.length; i++) {
            int x = u[i] + radius;
            int y = v[i] + radius;
            indices[i] = x < 0 || y < 0 || x >= side || y >= side ? -1 : grid[y * side + x];
        }
        return indices;
    }

    /** Centre offset from the base pixel along x: 0 or 0.5. */
    double centreX() {
        return halfX ? 0.5 : 0;
    }

    double centreY() {
        return halfY ? 0.5 : 0;
    }
}
