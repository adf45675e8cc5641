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
     * What k-means found, before labels are put in order: the PCA axes, the centres in the order
     * MLlib returned them, and how k was chosen ({@code --k auto}; else null).
     */
    record Clusters(double[][] components, double[][] centres, KSelection kSelection) {

        /** A model whose label i is k-means cluster i. */
        SegmentationModel unordered() {
            return new SegmentationModel(components, centres);
        }

        /** The canonical label order ({@link LabelOrder}) from each cluster's point count. */
        int[] order(long[] counts) {
            return LabelOrder.canonical(counts, centres);
        }

        /** The model whose label i is cluster {@code order[i]}. */
        Fitted ordered(int[] order) {
            return new Fitted(new SegmentationModel(components, LabelOrder.reorder(centres, order)),
                    kSelection);
        }
    }

    /** {@link #cluster}, then one pass over the points to count each cluster's points. */
    static Fitted fit(JavaRDD<float[]> points, RunPlan run) {
        Clusters clusters = cluster(points, run);
        SegmentationModel unordered = clusters.unordered();
        Map<Short, Long> sizes = points.map(row -> unordered.labels(row, 1)[0]).countByValue();
        long[] counts = new long[clusters.centres().length];
        sizes.forEach((label, count) -> counts[label] = count);
        return clusters.ordered(clusters.order(counts));
    }

    /**
     * PCA and k-means on {@link FitPoints#ordered}: PCA from a covariance matrix summed over the
     * partitions and added up in partition order (so bit for bit the same whatever ran where),
     * then MLlib k-means on the projected points. MLlib caches the points it is given, with their
     * norms, in memory (spilling to disk) when they are not cached already, which makes its many
     * passes cheaper than over features cached here; only {@code --k auto}, which reads the
     * features first, caches them here.
     */
    static Clusters cluster(JavaRDD<float[]> points, RunPlan run) {
        int length = run.descriptor().length();
        CovarianceSums sums = new CovarianceSums(length);
        for (CovarianceSums part : points.mapPartitions(rows -> {
            CovarianceSums partial = new CovarianceSums(length);
            partial.addAll(rows);
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
        });
        KSelection selection = null;
        if (run.config().autoK()) {
            boolean inMemory = FitPoints.inMemory(points.context(),
                    FitPoints.count(run) * (8L * components.length + 64));
            features.persist(inMemory ? StorageLevel.MEMORY_AND_DISK() : StorageLevel.MEMORY_AND_DISK_SER());
            selection = PatternCount.choose(features, run.config());
        }
        try {
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
            return new Clusters(components, centres, selection);
        } finally {
            features.unpersist(false);
        }
    }
}
