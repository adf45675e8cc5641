package org.symseg.descriptor;

/**
 * A region of a frame as non-negative integers of at most 16 bits. Sums over patches of such
 * values are exact in {@code long}, so a descriptor does not depend on which tile computed it.
 * {@code (originX, originY)} is where the region's first pixel lies in the frame: descriptors that
 * sample on a grid of their own anchor it to the frame, not to the region.
 */
public record QuantizedImage(int[] pixels, int width, int height, int originX, int originY) {

    public QuantizedImage {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for " + width + "x" + height);
        }
    }

    /** A region at the frame's origin, or a whole frame. */
    public QuantizedImage(int[] pixels, int width, int height) {
        this(pixels, width, height, 0, 0);
    }

    /** The same pixels as the region of the frame whose first pixel is (x, y). */
    public QuantizedImage placedAt(int x, int y) {
        return new QuantizedImage(pixels, width, height, x, y);
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
     * rows: an odd number of 64-byte cache lines (8 more than a multiple of 16 doubles), so that
     * the rows of a patch's column fall into different sets of the L1 cache. With rows 1024
     * doubles apart, a column fell into one set and evicted itself (the rotation descriptor ran
     * 1.4 times slower per pixel than 1016 apart); 513 apart, the width of many tiles, 1.15 times.
     */
    public static int paddedStride(int width) {
        return width + Math.floorMod(8 - width, 16);
    }
}
