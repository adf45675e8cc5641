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
        double[] values = new double[pixels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = pixels[i];
        }
        return values;
    }
}
