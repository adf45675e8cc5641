package org.symseg.descriptor;

/**
 * Maxima of a row of values over every window of 2h + 1 of them, from two running maxima per
 * block of that width: a window is the tail of one block and the head of the next, so each
 * window's maximum is the larger of two values, whatever h. Maxima are exact, so where the blocks
 * start does not matter.
 */
final class WindowMaxima {

    private final int h;
    private float[] fromBlockStart = new float[0];
    private float[] toBlockEnd = new float[0];
    private int length;

    WindowMaxima(int h) {
        this.h = h;
    }

    /** Takes the row {@code values[from .. from + length)}. */
    void of(float[] values, int from, int length) {
        if (fromBlockStart.length < length) {
            fromBlockStart = new float[length];
            toBlockEnd = new float[length];
        }
        this.length = length;
        int width = 2 * h + 1;
        for (int start = 0; start < length; start += width) {
            int end = Math.min(start + width, length);
            fromBlockStart[start] = values[from + start];
            for (int i = start + 1; i < end; i++) {
                fromBlockStart[i] = Math.max(fromBlockStart[i - 1], values[from + i]);
            }
            toBlockEnd[end - 1] = values[from + end - 1];
            for (int i = end - 2; i >= start; i--) {
                toBlockEnd[i] = Math.max(toBlockEnd[i + 1], values[from + i]);
            }
        }
    }

    /** The maximum of the row's values i - h .. i + h, for h <= i < length - h. */
    float around(int i) {
        if (i < h || i >= length - h) {
            throw new IndexOutOfBoundsException(i + " has no whole window in a row of " + length);
        }
        return Math.max(toBlockEnd[i - h], fromBlockStart[i + h]);
    }
}
