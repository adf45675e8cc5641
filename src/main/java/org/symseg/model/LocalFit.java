package org.symseg.model;

/**
 * A segmentation model fitted in memory, without Spark, in two steps: {@link #project} finds the
 * principal axes of the descriptors ({@link LocalPca}) and projects them; {@link #cluster} runs
 * k-means on the projections ({@link LocalKMeans}) and puts labels in canonical order. In between,
 * k can be chosen on the projections ({@link KSelection#bySilhouette}). Projections are not
 * centred, as in the Spark fit, so a model from either is applied alike.
 */
public final class LocalFit {

    /** Principal axes (one row each) and every point's projection onto them. */
    public record Projected(double[][] axes, double[][] features) {
    }

    private LocalFit() {
    }

    /**
     * @param descriptors {@code points} descriptors of {@code length} values each, one after another
     */
    public static Projected project(float[] descriptors, int points, int length, int components) {
        double[][] rows = new double[points][length];
        for (int i = 0; i < points; i++) {
            for (int d = 0; d < length; d++) {
                rows[i][d] = descriptors[i * length + d];
            }
        }
        SegmentationModel projection = new SegmentationModel(LocalPca.axes(rows, components), new double[0][]);
        double[][] features = new double[points][components];
        for (int i = 0; i < points; i++) {
            projection.project(descriptors, i * length, features[i]);
        }
        return new Projected(projection.components(), features);
    }

    public static SegmentationModel cluster(Projected projected, int patterns, long seed) {
        double[][] centres = LocalKMeans.fit(projected.features(), patterns, seed);
        long[] counts = new long[patterns];
        for (int label : LocalKMeans.assign(projected.features(), centres)) {
            counts[label]++;
        }
        int[] order = LabelOrder.canonical(counts, centres);
        return new SegmentationModel(projected.axes(), LabelOrder.reorder(centres, order));
    }
}
