package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;
import org.symseg.config.ConfigLoader;
import org.symseg.dataset.InputExpander;
import org.symseg.image.AnyFormatReader;
import org.symseg.model.KSelection;
import org.symseg.testing.SharedSpark;

/**
 * A run whose fit points all fit on the driver is clustered there as MLlib would, so MLlib's
 * Lloyd iterations stop after their first pass.
 */
class FitStageTest {

    @Test
    void aRunSmallEnoughForTheDriverLeavesMLlibOnePass() {
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
        sc.setJobGroup(group, "the fit alone", false);
        try {
            FitStage.Clusters clusters = FitStage.cluster(tiles, shared, null);
            assertEquals(2, clusters.centres().length);
        } finally {
            sc.clearJobGroup();
        }
        // the covariance, the points to the driver, and one k-means pass
        assertEquals(3, sc.statusTracker().getJobIdsForGroup(group).length);
    }
}
