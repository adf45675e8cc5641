package org.symseg.descriptor;

/**
 * A region of a frame as non-negative integers of at most 16 bits. Sums over patches of such
 * values are exact in {@code long}, so a descriptor does not depend on which tile computed it.
 */
public record QuantizedImage(int[] pixels, int width, int height) {

    public QuantizedImage {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for " + width + "x" + height);
        }
    }

    public int at(int x, int y) {
        return pixels[y * width + x];
    }

    /** The pixels as doubles, for kernels whose sums of products stay exact in double. */
    public double[] asDoubles() {
        return asDoubles(width);
    }

    /** {@link #asDoubles()} with rows {@code stride} (at least the width) values apart. */
    public double[] asDoubles(int stride) {
        double[] values = new double[stride * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                values[y * stride + x] = pixels[y * width + x];
            }
        }
        return values;
    }

    /**
     * A row stride of at least {@code width} doubles for kernels that read patches across many
     * rows. Rows a multiple of 16 doubles apart (1024-wide images) start a multiple of 128 bytes
     * apart, so a column of a patch falls into a few of the L1 cache's sets and evicts itself: the
     * rotation descriptor ran 1.4 times slower per pixel on a 1024-wide image than on a 1016-wide
     * one. Eight doubles more make the row step an odd number of cache lines.
     */
    public static int paddedStride(int width) {
        return width % 16 == 0 ? width + 8 : width;
    }
}
