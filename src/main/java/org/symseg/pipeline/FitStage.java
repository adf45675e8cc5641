package org.symseg.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.storage.StorageLevel;
import org.symseg.model.KSelection;
import org.symseg.model.CovarianceSums;
import org.symseg.model.LabelOrder;
import org.symseg.model.LocalPca;
import org.symseg.model.SegmentationModel;

/**
 * One model per run: PCA (covariance summed by Spark, axes found on the driver), then MLlib
 * k-means, over the stride points of every frame of every input. Points are laid out by their
 * run ordinal (not by tile) and k-means has a fixed seed, so the model does not depend on tiling
 * or partitioning; labels are then put in canonical order. With
 * {@code --k auto}, {@link PatternCount} picks k on the same PCA features.
 */
final class FitStage {

    static final int MAX_ITERATIONS = 100;

    private FitStage() {
    }

    /** The model, and how k was chosen when the settings said {@code --k auto} (else null). */
    record Fitted(SegmentationModel model, KSelection kSelection) {
    }

    /**
     * Fits on {@link FitPoints#ordered}: PCA from a covariance matrix summed over the partitions and
     * added up in partition order (so bit for bit the same whatever ran where), then MLlib
     * k-means on the projected points, cached for its many passes (deserialized when they are
     * few, see {@link FitPoints#IN_MEMORY_BYTES}).
     */
    static Fitted fit(JavaRDD<float[]> points, RunPlan run) {
        int length = run.descriptor().length();
        CovarianceSums sums = new CovarianceSums(length);
        for (CovarianceSums part : points.mapPartitions(rows -> {
            CovarianceSums partial = new CovarianceSums(length);
            rows.forEachRemaining(partial::add);
            return List.of(partial).iterator();
        }).collect()) {
            sums.merge(part);
        }
        double[][] components = LocalPca.axesOf(sums.covariance(), run.config().pca());
        SegmentationModel basis = new SegmentationModel(components, new double[0][]);
        JavaRDD<Vector> features = points.map(row -> {
            double[] projected = new double[components.length];
            basis.project(row, 0, projected);
            return Vectors.dense(projected);
        }).persist(FitPoints.inMemory(FitPoints.count(run) * (8L * components.length + 64))
                ? StorageLevel.MEMORY_AND_DISK() : StorageLevel.MEMORY_AND_DISK_SER());
        try {
            KSelection selection = run.config().autoK()
                    ? PatternCount.choose(features, run.config()) : null;
            KMeansModel kmeans = new KMeans()
                    .setK(selection == null ? run.config().k() : selection.chosen())
                    .setSeed(run.config().seed())
                    .setMaxIterations(MAX_ITERATIONS)
                    .setInitializationMode(KMeans.K_MEANS_PARALLEL())
                    .run(features.rdd());
            double[][] centres = new double[kmeans.clusterCenters().length][];
            for (int k = 0; k < centres.length; k++) {
                centres[k] = kmeans.clusterCenters()[k].toArray();
            }
            SegmentationModel unordered = new SegmentationModel(components, centres);
            Map<Integer, Long> sizes = features.map(v -> unordered.nearest(v.toArray()))
                    .countByValue();
            long[] counts = new long[centres.length];
            sizes.forEach((label, count) -> counts[label] = count);
            int[] order = LabelOrder.canonical(counts, centres);
            return new Fitted(new SegmentationModel(components, LabelOrder.reorder(centres, order)),
                    selection);
        } finally {
            features.unpersist(false);
        }
    }
}
