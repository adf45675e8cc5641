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

    /** Tables of the pixels of {@code image} and of their squares, made in one pass. */
    static SummedArea[] ofValuesAndSquares(QuantizedImage image) {
        int width = image.width();
        int stride = width + 1;
        int[] pixels = image.pixels();
        long[] values = new long[stride * (image.height() + 1)];
        long[] squares = new long[values.length];
        for (int y = 0; y < image.height(); y++) {
            long row = 0;
            long rowOfSquares = 0;
            int in = y * width;
            int above = y * stride;
            int here = above + stride;
            for (int x = 0; x < width; x++) {
                long v = pixels[in + x];
                row += v;
                rowOfSquares += v * v;
                values[here + x + 1] = values[above + x + 1] + row;
                squares[here + x + 1] = squares[above + x + 1] + rowOfSquares;
            }
        }
        return new SummedArea[] {new SummedArea(values, width), new SummedArea(squares, width)};
    }

    /** Sum over the size x size box whose top-left pixel is (x, y). */
    long box(int x, int y, int size) {
        int top = y * stride + x;
        int bottom = (y + size) * stride + x;
        return table[bottom + size] - table[bottom] - table[top + size] + table[top];
    }
}
