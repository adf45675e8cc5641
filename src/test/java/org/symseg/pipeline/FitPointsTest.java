package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Vector;
import org.junit.jupiter.api.Test;
import org.symseg.config.ConfigLoader;
import org.symseg.dataset.InputExpander;
import org.symseg.image.AnyFormatReader;
import org.symseg.model.SegmentationModel;
import org.symseg.testing.SharedSpark;
import org.symseg.tiling.Tile;

/**
 * The fit points' features travel through the shuffle as runs of a tile row; after it they must
 * be the same points, one vector each, in ordinal order, in the same partitions, whatever the
 * tiling, with runs cut where a fit partition ends. Each point's descriptor here is its own
 * ordinal, and so is its first feature, so the order can be read off the values.
 */
class FitPointsTest {

    private static final String[] INPUTS = {"test-data/two-phase.tif", "test-data/two-phase-series.tif"};
    /** Small fit partitions, so that runs of a tile row straddle partition boundaries. */
    private static final long POINTS_PER_PARTITION = 701;

    @Test
    void pointsComeInOrdinalOrderInTheSamePartitionsWhateverTheTiling() {
        List<List<Long>> reference = orderedOrdinals("1000", "0");
        assertTrue(reference.size() > 3, "several partitions: " + reference.size());
        List<Long> all = new ArrayList<>();
        reference.forEach(all::addAll);
        for (int i = 0; i < all.size(); i++) {
            assertEquals((long) i, all.get(i), "every point once, in ordinal order");
        }
        for (String tile : new String[] {"23", "64", "150"}) {
            assertEquals(reference, orderedOrdinals(tile, "0"), "tile " + tile);
        }
    }

    @Test
    void aFitSampleKeepsTheSameGridWhateverTheTiling() {
        List<List<Long>> reference = orderedOrdinals("1000", "900");
        long count = reference.stream().mapToLong(List::size).sum();
        assertTrue(count > 600 && count < 1200, "about 900 points: " + count);
        List<Long> all = new ArrayList<>();
        reference.forEach(all::addAll);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i) > all.get(i - 1), "increasing ordinals at " + i);
        }
        assertEquals(reference, orderedOrdinals("41", "900"));
    }

    @Test
    void theDriversSampleIsEveryNthFitPointInRunOrderWhateverTheTiling() {
        // every pixel a stride point, and as many PCA components as channels: too many feature
        // values for the driver to take every fit point, so it seeds on every n-th of them; also
        // with the first input dropped, whose index then is nobody's
        Map<String, String> settings = Map.of("stride", "1", "patch", "2", "window", "3", "shifts", "40",
                "pca", "40");
        for (String fitSample : new String[] {"0", "60000"}) {
            for (Set<Integer> dropped : List.of(Set.<Integer>of(), Set.of(0))) {
                RunPlan plan = plan("1000", fitSample, settings).without(dropped);
                double[][] points = everyNthFitPoint(plan);
                for (String tile : new String[] {"23", "150"}) {
                    RunPlan tiled = plan(tile, fitSample, settings).without(dropped);
                    assertTrue(Arrays.deepEquals(points, FitPoints.driverSample(tiles(tiled),
                            SharedSpark.context().broadcast(tiled), firstChannel(tiled))), "tile " + tile);
                }
            }
        }
    }

    /** The driver's sample of the plan, checked against the fit's own order of its points. */
    private static double[][] everyNthFitPoint(RunPlan plan) {
        long step = FitPoints.driverStep(plan);
        assertTrue(step > 1, "a sample: every " + step + "-th point of " + FitPoints.count(plan));
        double[][] points = FitPoints.driverSample(tiles(plan), SharedSpark.context().broadcast(plan),
                firstChannel(plan));
        assertEquals(FitPoints.driverCount(plan), points.length);
        List<Long> fit = new ArrayList<>();
        orderedOrdinals(plan).forEach(fit::addAll);
        for (int i = 0; i < points.length; i++) {
            assertEquals((long) fit.get((int) (i * step)), (long) points[i][0], "point " + i);
            assertEquals(-points[i][0], points[i][1], 0.0);
        }
        return points;
    }

    private static RunPlan plan(String tile, String fitSample) {
        return plan(tile, fitSample, Map.of("shifts", "3"));
    }

    private static RunPlan plan(String tile, String fitSample, Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("tile", tile);
        all.put("fit-sample", fitSample);
        return Planner.plan(InputExpander.expand(List.of(INPUTS), List.of()).sources(),
                ConfigLoader.load(null, all), new AnyFormatReader()).plan();
    }

    /** The plan's tiles, with {@link #ordinalsAsDescriptors}. */
    private static JavaRDD<TileDescriptors> tiles(RunPlan plan) {
        List<TileDescriptors> tiles = new ArrayList<>();
        for (Tile t : plan.tiles()) {
            tiles.add(ordinalsAsDescriptors(plan, t));
        }
        return SharedSpark.context().parallelize(tiles, 3);
    }

    /** Two features: the first channel, and minus the mean of the next two. */
    private static SegmentationModel firstChannel(RunPlan plan) {
        int length = plan.descriptor().length();
        double[][] axes = new double[2][length];
        axes[0][0] = 1;
        axes[1][1] = -0.5;
        axes[1][2] = -0.5;
        return new SegmentationModel(axes, new double[0][]);
    }

    /**
     * The fit points' features in run order, from tiles whose descriptors hold each point's
     * ordinal: the ordinal (channel 0) and minus the ordinal (channels 1 and 2).
     */
    private static JavaRDD<Vector> features(RunPlan plan) {
        return FitPoints.orderedFeatures(tiles(plan), SharedSpark.context().broadcast(plan), firstChannel(plan),
                POINTS_PER_PARTITION);
    }

    /** The ordinals of the fit points, partition by partition. */
    private static List<List<Long>> orderedOrdinals(String tile, String fitSample) {
        return orderedOrdinals(plan(tile, fitSample));
    }

    private static List<List<Long>> orderedOrdinals(RunPlan plan) {
        List<List<Long>> partitions = features(plan).mapPartitions(rows -> {
            List<Long> ordinals = new ArrayList<>();
            rows.forEachRemaining(row -> {
                assertEquals(2, row.size());
                assertEquals(row.apply(0), -row.apply(1), 0.0);
                ordinals.add((long) row.apply(0));
            });
            return List.of(ordinals).iterator();
        }).collect();
        OrdinalPartitioner partitioner = new OrdinalPartitioner(plan.ordinalEnd(),
                FitPoints.count(plan), POINTS_PER_PARTITION);
        for (int p = 0; p < partitions.size(); p++) {
            for (long ordinal : partitions.get(p)) {
                assertEquals(p, partitioner.getPartition(ordinal), "partition of ordinal " + ordinal);
            }
        }
        return partitions;
    }

    /** A tile whose every point's three channels all hold the point's run ordinal. */
    private static TileDescriptors ordinalsAsDescriptors(RunPlan plan, Tile tile) {
        InputPlan input = plan.input(tile.input());
        int length = plan.descriptor().length();
        float[] data = new float[tile.points() * length];
        for (int j = 0; j < tile.pointsY(); j++) {
            for (int i = 0; i < tile.pointsX(); i++) {
                long ordinal = input.ordinal(tile.frame(), tile.ix0() + i, tile.iy0() + j);
                for (int c = 0; c < length; c++) {
                    data[(j * tile.pointsX() + i) * length + c] = ordinal;
                }
            }
        }
        return new TileDescriptors(tile, data, null);
    }
}
