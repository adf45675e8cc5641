package org.symseg.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The translation shifts (m, n) of a descriptor: {@code count} shifts spread uniformly over the
 * window |m| <= wx, |n| <= wy, as the nodes of the coarsest regular grid that has enough distinct
 * nodes, taken evenly when it has more. The zero shift is left out: its score is always 1.
 */
public record ShiftSet(int[] dx, int[] dy) implements java.io.Serializable {

    public static ShiftSet uniform(int count, int wx, int wy) {
        long available = (2L * wx + 1) * (2L * wy + 1) - 1;
        if (count < 1 || count > available) {
            throw new IllegalArgumentException("cannot take " + count + " shifts from a window of "
                    + available + " non-zero shifts");
        }
        for (int g = (int) Math.ceil(Math.sqrt(count)); ; g++) {
            List<int[]> nodes = gridNodes(g, wx, wy);
            if (nodes.size() >= count) {
                int[] dx = new int[count];
                int[] dy = new int[count];
                for (int i = 0; i < count; i++) {
                    int[] node = nodes.get((int) ((long) i * nodes.size() / count));
                    dx[i] = node[0];
                    dy[i] = node[1];
                }
                return new ShiftSet(dx, dy);
            }
        }
    }

    private static List<int[]> gridNodes(int g, int wx, int wy) {
        Set<Long> seen = new LinkedHashSet<>();
        List<int[]> nodes = new ArrayList<>();
        for (int j = 0; j < g; j++) {
            for (int i = 0; i < g; i++) {
                int m = node(i, g, wx);
                int n = node(j, g, wy);
                if ((m != 0 || n != 0) && seen.add(key(m, n))) {
                    nodes.add(new int[] {m, n});
                }
            }
        }
        return nodes;
    }

    private static int node(int i, int g, int w) {
        return g == 1 ? w : (int) Math.round(-w + (double) i * 2 * w / (g - 1));
    }

    public int size() {
        return dx.length;
    }

    /** For each shift, the index of the opposite shift (-dx, -dy) in this set, or -1. */
    public int[] opposites() {
        java.util.Map<Long, Integer> index = new java.util.HashMap<>();
        for (int s = 0; s < dx.length; s++) {
            index.put(key(dx[s], dy[s]), s);
        }
        int[] opposite = new int[dx.length];
        for (int s = 0; s < dx.length; s++) {
            opposite[s] = index.getOrDefault(key(-dx[s], -dy[s]), -1);
        }
        return opposite;
    }

    private static long key(int m, int n) {
        return ((long) m << 32) ^ (n & 0xffffffffL);
    }

    public int maxAbsX() {
        int max = 0;
        for (int v : dx) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    public int maxAbsY() {
        int max = 0;
        for (int v : dy) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
