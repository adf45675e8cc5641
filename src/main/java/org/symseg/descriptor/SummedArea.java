package org.symseg.descriptor;

/**
 * Summed-area table over integer values: any box sum in four lookups, exact because the values are
 * integers and the table is {@code long}.
 */
final class SummedArea {

    private final long[] table;
    private final int stride;

    private SummedArea(long[] table, int width) {
        this.table = table;
        this.stride = width + 1;
    }

    /** Table of {@code values} (row-major, width x height), written into {@code table}. */
    static SummedArea over(long[] values, int width, int height, long[] table) {
        int stride = width + 1;
        java.util.Arrays.fill(table, 0, stride, 0L);
        for (int y = 0; y < height; y++) {
            long row = 0;
            int in = y * width;
            int above = y * stride;
            int here = above + stride;
            table[here] = 0;
            for (int x = 0; x < width; x++) {
                row += values[in + x];
                table[here + x + 1] = table[above + x + 1] + row;
            }
        }
        return new SummedArea(table, width);
    }

    static SummedArea of(QuantizedImage image, boolean squared) {
        int[] pixels = image.pixels();
        long[] values = new long[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            long v = pixels[i];
            values[i] = squared ? v * v : v;
        }
        return over(values, image.width(), image.height(),
                new long[(image.width() + 1) * (image.height() + 1)]);
    }

    /** Sum over the size x size box whose top-left pixel is (x, y). */
    long box(int x, int y, int size) {
        int top = y * stride + x;
        int bottom = (y + size) * stride + x;
        return table[bottom + size] - table[bottom] - table[top + size] + table[top];
    }
}
