package org.symseg.descriptor;

import java.io.Serializable;

/**
 * A local descriptor: a vector of symmetry scores for each stride point.
 */
public interface Descriptor extends Serializable {

    /** Number of scores per point. */
    int length();

    /** A short name of channel {@code index}, for reports such as the Fisher diagnostics. */
    default String channel(int index) {
        return "c" + index;
    }

    /** How far from a point, in pixels along x or y, its descriptor reads. */
    int reach();

    /**
     * Descriptors of the points (xs[i], ys[j]), given in the image's own coordinates, each at
     * least {@link #reach()} from the image border. Point (i, j) goes to
     * {@code out[(j * xs.length + i) * length() ...]}.
     */
    void compute(QuantizedImage image, int[] xs, int[] ys, float[] out);
}
