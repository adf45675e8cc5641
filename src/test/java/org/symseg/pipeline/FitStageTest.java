package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.junit.jupiter.api.Test;
import org.symseg.config.ConfigLoader;
import org.symseg.dataset.InputExpander;
import org.symseg.descriptor.SelectedChannels;
import org.symseg.image.AnyFormatReader;
import org.symseg.model.KSelection;
import org.symseg.model.ClassMoments;
import org.symseg.model.SegmentationModel;
import org.symseg.testing.SharedSpark;

/**
 * A run whose fit points all fit on the driver is clustered there, to the point where MLlib's
 * Lloyd iterations would move no centre; with their descriptors there as well, the fit runs no
 * Spark job at all, and finds the same model. Larger runs are clustered by MLlib.
 */
class FitStageTest {

    @Test
    void mllibStopsWhereTheReferencesKMeansWould() {
        // features of variance 4 and 1 (on turned axes): mean variance 2.5, so the centres' squared
        // moves may add up to 2.5e-4, shared out over k centres
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[][] covariance = {{4 * c * c + s * s, 3 * c * s, 0}, {3 * c * s, 4 * s * s + c * c, 0}, {0, 0, 9}};
        double[][] axes = {{c, s, 0}, {-s, c, 0}};
        assertEquals(Math.sqrt(2.5e-4 / 2), FitStage.convergence(covariance, axes, 2), 1e-15);
        assertEquals(Math.sqrt(2.5e-4 / 5), FitStage.convergence(covariance, axes, 5), 1e-15);
        assertEquals(0, FitStage.convergence(new double[3][3], axes, 2));
    }

    @Test
    void aRunSmallEnoughForTheDriverIsClusteredWhereMLlibWouldLeaveIt() {
        JavaSparkContext sc = SharedSpark.context();
        // every pixel a stride point: more points than the seeding sample, few enough for the driver
        RunPlan plan = QuantizeStage.run(sc, Planner.plan(
                InputExpander.expand(List.of("test-data/two-phase.tif"), List.of()).sources(),
                ConfigLoader.load(null, Map.of("stride", "1")), new AnyFormatReader()).plan(),
                new ArrayList<>());
        long points = FitPoints.count(plan);
        assertTrue(points > KSelection.SAMPLE && points * plan.config().pca() <= FitStage.WHOLE_RUN_ON_DRIVER, "points: " + points);
        Broadcast<RunPlan> shared = sc.broadcast(plan);
        JavaRDD<TileDescriptors> tiles = DescriptorStage.run(sc, shared).cache();
        tiles.count();
        String group = "fit-stage-test";
        FitStage.Clusters clusters = inGroup(sc, group, () -> FitStage.cluster(tiles, shared, null));
        assertEquals(2, clusters.centres().length);
        // the covariance and the points to the driver; no k-means pass
        assertEquals(2, sc.statusTracker().getJobIdsForGroup(group).length);

        // MLlib, started there, moves no centre further than a rounding and no point changes cluster
        SegmentationModel model = clusters.unordered();
        JavaRDD<Vector> features = FitPoints.orderedFeatures(tiles, shared, model);
        Vector[] start = Arrays.stream(clusters.centres()).map(Vectors::dense).toArray(Vector[]::new);
        KMeansModel mllib = new KMeans().setK(2).setMaxIterations(1).setInitialModel(new KMeansModel(start))
                .run(features.rdd());
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(clusters.centres()[c], mllib.clusterCenters()[c].toArray(), 1e-9, "centre " + c);
        }
        assertEquals(0, features.filter(v -> mllib.predict(v) != model.nearest(v.toArray())).count(), "points moved");
        tiles.unpersist(false);
    }

    @Test
    void theFitPointsDescriptorsOnTheDriverGiveTheSameClustersWithNoSparkJob() {
        JavaSparkContext sc = SharedSpark.context();
        // every pixel of two images a stride point, in small tiles: many tiles; few shifts and
        // PCA components, so that so many points still come to the driver
        RunPlan plan = Planner.plan(InputExpander.expand(List.of("test-data/two-phase.tif",
                "test-data/three-grains.tif"), List.of()).sources(), ConfigLoader.load(null, Map.of(
                        "stride", "1", "tile", "100", "patch", "5", "window", "5", "shifts", "10", "pca", "2")),
                new AnyFormatReader()).plan();
        plan = QuantizeStage.run(sc, plan, new ArrayList<>());
        assertEquals(FitRows.Scope.FIT_POINTS, FitRows.scope(plan));
        Broadcast<RunPlan> shared = sc.broadcast(plan);
        JavaRDD<TileDescriptors> tiles = DescriptorStage.run(sc, shared).cache();
        assertTrue(tiles.count() > 4, "several tiles");
        DescriptorTotals totals = tiles.map(td -> DescriptorTotals.of(shared.value(), td, true, FitRows.Scope.FIT_POINTS))
                .treeReduce(DescriptorTotals::merge);

        FitStage.Clusters spark = FitStage.cluster(tiles, shared, null);
        String group = "fit-rows-test";
        FitStage.Clusters driver = inGroup(sc, group, () -> FitStage.cluster(tiles, shared, totals));
        assertTrue(Arrays.deepEquals(spark.components(), driver.components()), "same axes");
        assertTrue(Arrays.deepEquals(spark.centres(), driver.centres()), "same centres");
        assertEquals(0, sc.statusTracker().getJobIdsForGroup(group).length, "no Spark job");
        SegmentationModel model = spark.unordered();
        // the driver's moments reuse the features it projected for the fit (the same axes), or
        // project again (other axes of the same values): both as the Spark pass gathers them
        ClassMoments expected = tiles.map(td -> ClassMoments.byPattern(model, td.data(),
                FitPoints.offsets(shared.value(), td.tile()), true)).treeReduce(ClassMoments::merge);
        SegmentationModel sameValues = new SegmentationModel(
                Arrays.stream(model.components()).map(double[]::clone).toArray(double[][]::new), model.centres());
        for (ClassMoments moments : List.of(totals.rows().moments(driver.unordered()),
                totals.rows().moments(sameValues))) {
            assertArrayEquals(expected.counts(), moments.counts());
            for (int c = 0; c < expected.channels(); c++) {
                assertEquals(expected.variance(c), moments.variance(c), 0.0, "channel " + c);
                assertEquals(expected.separability(c), moments.separability(c), 0.0, "channel " + c);
            }
        }
        assertTrue(Arrays.deepEquals(FitStage.fit(tiles, shared, null).model().centres(),
                FitStage.fit(tiles, shared, totals).model().centres()), "same ordered model");
        assertArrayEquals(totals.rows().counts(model), tiles.map(td -> FitStage.counts(model,
                td.data(), FitPoints.offsets(shared.value(), td.tile()))).reduce((a, b) -> {
                    for (int c = 0; c < a.length; c++) {
                        a[c] += b[c];
                    }
                    return a;
                }));
    }

    @Test
    void aLargerRunSeedsOnASampleWithNoJobOfItsOwn() {
        JavaSparkContext sc = SharedSpark.context();
        // every pixel a stride point, 40 PCA components: too many feature values for the driver,
        // few enough descriptors of the seeding sample
        RunPlan plan = Planner.plan(InputExpander.expand(List.of("test-data/two-phase.tif"), List.of()).sources(),
                ConfigLoader.load(null, Map.of("stride", "1", "pca", "40", "tile", "100")),
                new AnyFormatReader()).plan();
        plan = QuantizeStage.run(sc, plan, new ArrayList<>());
        assertEquals(FitRows.Scope.SAMPLE, FitRows.scope(plan));
        assertTrue(FitPoints.driverStep(plan) > 1);
        Broadcast<RunPlan> shared = sc.broadcast(plan);
        JavaRDD<TileDescriptors> tiles = DescriptorStage.run(sc, shared).cache();
        assertTrue(tiles.count() > 4, "several tiles");
        DescriptorTotals totals = tiles.map(td -> DescriptorTotals.of(shared.value(), td, true,
                FitRows.Scope.SAMPLE)).reduce(DescriptorTotals::merge);
        assertEquals(null, totals.rows());

        SegmentationModel basis = FitStage.cluster(tiles, shared, null).unordered();
        double[][] fromTiles = FitPoints.driverSample(tiles, shared, basis);
        assertEquals(FitPoints.driverCount(plan), fromTiles.length);
        assertTrue(Arrays.deepEquals(fromTiles, totals.seeds().features(basis)), "the same points, projected alike");

        String spark = "seeding-sample-by-job";
        String driver = "seeding-sample-from-descriptor-job";
        FitStage.Clusters byJob = inGroup(sc, spark, () -> FitStage.cluster(tiles, shared, null));
        FitStage.Clusters known = inGroup(sc, driver, () -> FitStage.cluster(tiles, shared, totals));
        assertTrue(Arrays.deepEquals(byJob.components(), known.components()), "same axes");
        assertTrue(Arrays.deepEquals(byJob.centres(), known.centres()), "same centres");
        // neither the covariance nor the seeding sample takes a job when the descriptor job brought them
        assertEquals(sc.statusTracker().getJobIdsForGroup(spark).length - 2,
                sc.statusTracker().getJobIdsForGroup(driver).length);

        // a refit on some channels (--select-best) seeds on the same points, narrowed
        int[] channels = java.util.stream.IntStream.range(0, 50).map(c -> 2 * c).toArray();
        SelectedChannels selected = new SelectedChannels(plan.descriptor(), channels);
        Broadcast<RunPlan> narrowed = sc.broadcast(plan.withDescriptor(selected));
        JavaRDD<TileDescriptors> kept = tiles.map(td -> new TileDescriptors(td.tile(),
                selected.select(td.data(), td.tile().points()), null));
        assertTrue(Arrays.deepEquals(FitStage.cluster(kept, narrowed, null).centres(),
                FitStage.cluster(kept, narrowed, totals.selected(selected)).centres()), "same centres on the selected channels");
        tiles.unpersist(false);
    }

    /** What {@code work} returns, its Spark jobs counted in {@code group}. */
    private static <T> T inGroup(JavaSparkContext sc, String group, java.util.function.Supplier<T> work) {
        sc.setJobGroup(group, group, false);
        try {
            return work.get();
        } finally {
            sc.clearJobGroup();
        }
    }
}
