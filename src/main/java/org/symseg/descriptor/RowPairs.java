package org.symseg.descriptor;

/**
 * The image with each pair of neighbouring rows interleaved: row pair y holds (0, y), (0, y + 1),
 * (1, y), (1, y + 1), ... So from index {@link #at}(x, y) on, consecutive values are the tile of
 * pixels (x, y), (x, y + 1), (x + 1, y), (x + 1, y + 1), ..., and a block of SIMD lanes reads
 * the same sample of the patches at a tile of two rows as one contiguous vector. The half-pixel
 * positions around a peak come in 2 x 2 squares and pairs, across rows as often as along them,
 * so tiles cover them with about half as many blocks as runs of one row do.
 */
final class RowPairs {

    private final double[] values;
    /** Index step from one row pair to the next ({@link QuantizedImage#paddedStride}). */
    private final int down;

    /**
     * Of {@code values}, row-major with rows {@code stride} apart, {@code width} wide and
     * {@code height} (at least 2) high.
     */
    RowPairs(double[] values, int stride, int width, int height) {
        this.down = QuantizedImage.paddedStride(2 * width);
        this.values = new double[down * (height - 1)];
        for (int y = 0; y + 1 < height; y++) {
            for (int x = 0; x < width; x++) {
                this.values[at(x, y)] = values[y * stride + x];
                this.values[at(x, y) + 1] = values[(y + 1) * stride + x];
            }
        }
    }

    double[] values() {
        return values;
    }

    /** Index step to the pixel on the right. */
    int right() {
        return 2;
    }

    /** Index step to the pixel below. */
    int down() {
        return down;
    }

    /** Index of pixel (x, y), the first of the tile from it; y below the last row. */
    int at(int x, int y) {
        return y * down() + x * right();
    }
}
