package org.symseg.model;

import java.io.Serializable;
import org.symseg.descriptor.CpuFeatures;
import org.symseg.descriptor.SimdAfter;

/**
 * A fitted segmentation: a PCA basis that projects descriptors to a few features, and one
 * k-means centre per pattern in feature space. Centres are stored in canonical order, so label
 * i is centre i.
 */
public final class SegmentationModel implements Serializable {

    private static final long serialVersionUID = 1L;
    /**
     * Many points are projected a SIMD block at a time ({@link VectorProjection}) where the vector
     * module is loaded, once a JVM has projected this many points ({@link SimdAfter}): a one-image
     * run projects 71,442.
     */
    static final long SIMD_AFTER = 200_000;
    private static final SimdAfter SIMD = new SimdAfter(SIMD_AFTER, CpuFeatures::vectors);

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

    /**
     * Features of the descriptor at {@code data[offset ...]}, written to {@code features}. Each is
     * summed over the descriptor in order, four features (or a last five) in one pass, so that
     * independent sums hide the latency of each addition (two to three times faster than one
     * after the other, the same bits).
     */
    public void project(float[] data, int offset, double[] features) {
        int count = components.length;
        // a last five in one pass: five sums keep the FP units as busy as four do, where a pass
        // for the fifth alone costs as much as one for four (five features is the default)
        int fours = count % 4 == 1 && count > 1 ? count - 5 : count;
        int c = 0;
        for (; c < fours; c += 4) {
            projectFour(data, offset, c, features);
        }
        if (c < count) {
            projectFive(data, offset, c, features);
        }
    }

    /**
     * Features of the descriptors at {@code offsets} of {@code data}, point after point
     * ({@code features()} values each): the same bits as {@link #project(float[], int, double[])}
     * point by point, about three times faster where the points go a SIMD block at a time.
     */
    public double[] project(float[] data, int[] offsets) {
        int length = descriptorLength();
        for (int offset : offsets) {
            // the SIMD blocks load without bounds checks
            if (offset < 0 || offset > data.length - length) {
                throw new IllegalArgumentException("a descriptor at " + offset + " runs past the "
                        + data.length + " values");
            }
        }
        int count = components.length;
        double[] out = new double[offsets.length * count];
        int done = SIMD.now(offsets.length) && count > 0
                ? VectorProjection.project(components, data, offsets, out) : 0;
        double[] one = new double[count];
        for (int p = done; p < offsets.length; p++) {
            project(data, offsets[p], one);
            System.arraycopy(one, 0, out, p * count, count);
        }
        return out;
    }

    /** Features c .. c + 4. */
    private void projectFive(float[] data, int offset, int c, double[] features) {
        double[] a0 = components[c];
        double[] a1 = components[c + 1];
        double[] a2 = components[c + 2];
        double[] a3 = components[c + 3];
        double[] a4 = components[c + 4];
        double f0 = 0;
        double f1 = 0;
        double f2 = 0;
        double f3 = 0;
        double f4 = 0;
        for (int d = 0; d < a0.length; d++) {
            double x = data[offset + d];
            f0 += a0[d] * x;
            f1 += a1[d] * x;
            f2 += a2[d] * x;
            f3 += a3[d] * x;
            f4 += a4[d] * x;
        }
        features[c] = f0;
        features[c + 1] = f1;
        features[c + 2] = f2;
        features[c + 3] = f3;
        features[c + 4] = f4;
    }

    /** Features c .. c + 3; past the last one, the last axis is summed again and not written. */
    private void projectFour(float[] data, int offset, int c, double[] features) {
        int last = components.length - 1;
        double[] a0 = components[c];
        double[] a1 = components[Math.min(c + 1, last)];
        double[] a2 = components[Math.min(c + 2, last)];
        double[] a3 = components[Math.min(c + 3, last)];
        double f0 = 0;
        double f1 = 0;
        double f2 = 0;
        double f3 = 0;
        for (int d = 0; d < a0.length; d++) {
            double x = data[offset + d];
            f0 += a0[d] * x;
            f1 += a1[d] * x;
            f2 += a2[d] * x;
            f3 += a3[d] * x;
        }
        features[c] = f0;
        if (c + 1 <= last) {
            features[c + 1] = f1;
        }
        if (c + 2 <= last) {
            features[c + 2] = f2;
        }
        if (c + 3 <= last) {
            features[c + 3] = f3;
        }
    }

    /** Index of the nearest centre; ties go to the lower index. */
    public int nearest(double[] features) {
        return LocalKMeans.nearest(features, centres);
    }

    /** Labels of {@code points} consecutive descriptors in {@code data}. */
    public short[] labels(float[] data, int points) {
        int length = descriptorLength();
        int[] offsets = new int[points];
        for (int i = 0; i < points; i++) {
            offsets[i] = i * length;
        }
        return labels(data, offsets);
    }

    /** Labels of the descriptors at {@code offsets} of {@code data}. */
    public short[] labels(float[] data, int[] offsets) {
        return labels(project(data, offsets));
    }

    /** Labels of points whose features come one after the other, as {@link #project} gives them. */
    public short[] labels(double[] projected) {
        int count = features();
        short[] labels = new short[count == 0 ? 0 : projected.length / count];
        double[] features = new double[count];
        for (int i = 0; i < labels.length; i++) {
            System.arraycopy(projected, i * count, features, 0, count);
            labels[i] = (short) nearest(features);
        }
        return labels;
    }
}
