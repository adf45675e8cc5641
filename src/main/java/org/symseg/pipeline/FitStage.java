package org.symseg.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
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
import org.symseg.tiling.Tile;
import scala.Tuple2;

/**
 * One model per run: PCA (covariance summed by Spark, axes found on the driver), then MLlib
 * k-means, over the stride points of every frame of every input. Points are laid out by their run ordinal (not by tile) with a fixed seed, so the
 * model does not depend on tiling or partitioning; labels are then put in canonical order. With
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
     * Fits on {@link #orderedPoints}: PCA from a covariance matrix summed over the partitions and
     * added up in partition order (so bit for bit the same whatever ran where), then MLlib
     * k-means on the projected points. The points are not cached: each pass reads them again
     * from the shuffle files Spark keeps, so the fit holds no copy of the descriptors.
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
        }).persist(StorageLevel.MEMORY_AND_DISK_SER());
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

    /**
     * The fit points (all, or the {@code --fit-sample}), partitioned and ordered by their run
     * ordinal, never by tile, so every pass over them sees the same points in the same order.
     */
    static JavaRDD<float[]> orderedPoints(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan) {
        RunPlan run = plan.value();
        int length = run.descriptor().length();
        int every = sampleEvery(run.points(), run.config().fitSample());
        return tiles
                .flatMapToPair(td -> pointsOf(plan.value(), td, length, every).iterator())
                .repartitionAndSortWithinPartitions(new OrdinalPartitioner(run.ordinalEnd(),
                        run.points() / ((long) every * every) + 1))
                .values();
    }

    /**
     * The fit sample keeps the points whose stride indices are both multiples of this, a coarser
     * grid over every frame, about {@code sample} points in all (0: every point).
     */
    static int sampleEvery(long points, long sample) {
        return sample <= 0 || sample >= points ? 1 : (int) Math.ceil(Math.sqrt((double) points / sample));
    }

    private static List<Tuple2<Long, float[]>> pointsOf(RunPlan plan, TileDescriptors td, int length,
            int every) {
        Tile tile = td.tile();
        InputPlan input = plan.input(tile.input());
        List<Tuple2<Long, float[]>> points = new ArrayList<>();
        for (int j = 0; j < tile.pointsY(); j++) {
            for (int i = 0; i < tile.pointsX(); i++) {
                if ((tile.ix0() + i) % every == 0 && (tile.iy0() + j) % every == 0) {
                    long ordinal = input.ordinal(tile.frame(), tile.ix0() + i, tile.iy0() + j);
                    int offset = (j * tile.pointsX() + i) * length;
                    points.add(new Tuple2<>(ordinal, Arrays.copyOfRange(td.data(), offset, offset + length)));
                }
            }
        }
        return points;
    }
}
