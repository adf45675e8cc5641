package org.symseg.model;

import java.io.Serializable;

/**
 * A fitted segmentation: a PCA basis that projects descriptors to a few features, and one
 * k-means centre per pattern in feature space. Centres are stored in canonical order, so label
 * i is centre i.
 */
public final class SegmentationModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[][] components;
    private final double[][] centres;

    /**
     * @param components principal axes, one row of descriptor length per feature
     * @param centres    pattern centres in feature space, in label order
     */
    public SegmentationModel(double[][] components, double[][] centres) {
        for (double[] centre : centres) {
            if (centre.length != components.length) {
                throw new IllegalArgumentException("centre of " + centre.length + " features for "
                        + components.length + " components");
            }
        }
        this.components = components;
        this.centres = centres;
    }

    public int patterns() {
        return centres.length;
    }

    public int features() {
        return components.length;
    }

    public int descriptorLength() {
        return components.length == 0 ? 0 : components[0].length;
    }

    public double[][] components() {
        return components;
    }

    public double[][] centres() {
        return centres;
    }

    /** Features of the descriptor at {@code data[offset ...]}, written to {@code features}. */
    public void project(float[] data, int offset, double[] features) {
        for (int c = 0; c < components.length; c++) {
            double[] axis = components[c];
            double f = 0;
            for (int d = 0; d < axis.length; d++) {
                f += axis[d] * data[offset + d];
            }
            features[c] = f;
        }
    }

    /** Index of the nearest centre; ties go to the lower index. */
    public int nearest(double[] features) {
        return LocalKMeans.nearest(features, centres);
    }

    /** Labels of {@code points} consecutive descriptors in {@code data}. */
    public short[] labels(float[] data, int points) {
        short[] labels = new short[points];
        double[] features = new double[features()];
        int length = descriptorLength();
        for (int i = 0; i < points; i++) {
            project(data, i * length, features);
            labels[i] = (short) nearest(features);
        }
        return labels;
    }
}
