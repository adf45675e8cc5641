package org.symseg.report;

/**
 * The band around the boundaries of a class map: pixels whose (2t+1) x (2t+1) neighbourhood (cut
 * at the frame's edge) holds more than one class. That is where the smallest and largest class in
 * the neighbourhood differ, so a separable running min and max find it in O(pixels x t).
 */
final class Boundary {

    private Boundary() {
    }

    static boolean[] band(int[] classes, int width, int t) {
        int height = classes.length / width;
        int[] min = classes.clone();
        int[] max = classes.clone();
        filter(min, max, width, height, t, 1, width);
        filter(min, max, height, width, t, width, 1);
        boolean[] band = new boolean[classes.length];
        for (int i = 0; i < band.length; i++) {
            band[i] = min[i] != max[i];
        }
        return band;
    }

    /**
     * Running min and max over 2t+1 neighbours along one axis, in place: {@code length} samples
     * {@code step} apart per line, {@code lines} lines {@code lineStep} apart.
     */
    private static void filter(int[] min, int[] max, int length, int lines, int t, int step,
            int lineStep) {
        int[] lo = new int[length];
        int[] hi = new int[length];
        for (int line = 0; line < lines; line++) {
            int base = line * lineStep;
            for (int i = 0; i < length; i++) {
                int a = Integer.MAX_VALUE;
                int b = Integer.MIN_VALUE;
                for (int j = Math.max(0, i - t); j <= Math.min(length - 1, i + t); j++) {
                    a = Math.min(a, min[base + j * step]);
                    b = Math.max(b, max[base + j * step]);
                }
                lo[i] = a;
                hi[i] = b;
            }
            for (int i = 0; i < length; i++) {
                min[base + i * step] = lo[i];
                max[base + i * step] = hi[i];
            }
        }
    }
}
