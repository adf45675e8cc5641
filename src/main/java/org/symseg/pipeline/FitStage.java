package org.symseg.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.feature.PCA;
import org.apache.spark.mllib.feature.PCAModel;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.storage.StorageLevel;
import org.symseg.model.LabelOrder;
import org.symseg.model.SegmentationModel;
import org.symseg.tiling.Tile;
import scala.Tuple2;

/**
 * One model per run: MLlib PCA, then MLlib k-means, over the stride points of every frame of
 * every input. Points are laid out by their run ordinal (not by tile) with a fixed seed, so the
 * model does not depend on tiling or partitioning; labels are then put in canonical order.
 */
final class FitStage {

    static final int MAX_ITERATIONS = 100;

    private FitStage() {
    }

    static SegmentationModel fit(JavaRDD<TileDescriptors> tiles,
            Broadcast<RunPlan> plan) {
        RunPlan run = plan.value();
        JavaRDD<Vector> points = orderedPoints(tiles, plan).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            PCAModel pca = new PCA(run.config().pca()).fit(points.rdd());
            Matrix pc = pca.pc();
            double[][] components = new double[pc.numCols()][pc.numRows()];
            for (int c = 0; c < pc.numCols(); c++) {
                for (int d = 0; d < pc.numRows(); d++) {
                    components[c][d] = pc.apply(d, c);
                }
            }
            JavaRDD<Vector> features = pca.transform(points.rdd()).toJavaRDD()
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                KMeansModel kmeans = new KMeans()
                        .setK(run.config().k())
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
                return new SegmentationModel(components, LabelOrder.reorder(centres, order));
            } finally {
                features.unpersist(false);
            }
        } finally {
            points.unpersist(false);
        }
    }

    /** Every point's descriptor, partitioned and ordered by its run ordinal, never by tile. */
    static JavaRDD<Vector> orderedPoints(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan) {
        int length = plan.value().descriptor().length();
        return tiles
                .flatMapToPair(td -> pointsOf(plan.value(), td, length).iterator())
                .repartitionAndSortWithinPartitions(new OrdinalPartitioner(plan.value().ordinalEnd()))
                .values();
    }

    private static List<Tuple2<Long, Vector>> pointsOf(RunPlan plan, TileDescriptors td, int length) {
        Tile tile = td.tile();
        InputPlan input = plan.input(tile.input());
        List<Tuple2<Long, Vector>> points = new ArrayList<>(tile.points());
        double[] row = new double[length];
        for (int j = 0; j < tile.pointsY(); j++) {
            for (int i = 0; i < tile.pointsX(); i++) {
                int offset = (j * tile.pointsX() + i) * length;
                for (int d = 0; d < length; d++) {
                    row[d] = td.data()[offset + d];
                }
                long ordinal = input.ordinal(tile.frame(), tile.ix0() + i, tile.iy0() + j);
                points.add(new Tuple2<>(ordinal, Vectors.dense(row.clone())));
            }
        }
        return points;
    }
}
