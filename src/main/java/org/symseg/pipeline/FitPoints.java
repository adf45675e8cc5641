package org.symseg.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.symseg.model.KSelection;
import org.symseg.model.SegmentationModel;
import org.symseg.tiling.Tile;
import scala.Tuple2;

/**
 * The points a fit runs on: every stride point, or the {@code --fit-sample} grid. Sums over them
 * (covariance, Fisher moments, label counts) are exact, so they are taken tile by tile where the
 * descriptors lie ({@link #offsets}). Only k-means needs the points in one fixed order: their PCA
 * features, a few numbers a point, are partitioned and ordered by run ordinal, never by tile
 * ({@link #orderedFeatures}), so MLlib sees the same points in the same partitions whatever the
 * tiling.
 *
 * <p>Features are shuffled as runs: those of one row of one tile, which have consecutive
 * ordinals, travel as one record (split where a fit partition ends), and are cut back into one
 * vector per point after the shuffle.
 */
final class FitPoints {

    private FitPoints() {
    }

    /** Where the tile's fit points start in its descriptor data, row by row. */
    static int[] offsets(RunPlan plan, Tile tile) {
        int every = fitEvery(plan);
        int length = plan.descriptor().length();
        int firstColumn = Math.floorMod(-tile.ix0(), every);
        int firstRow = Math.floorMod(-tile.iy0(), every);
        int columns = columns(tile, every);
        int rows = onGrid(tile.pointsY(), firstRow, every);
        int[] offsets = new int[columns * rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int j = firstRow + r * every;
                int i = firstColumn + c * every;
                offsets[r * columns + c] = (j * tile.pointsX() + i) * length;
            }
        }
        return offsets;
    }

    /**
     * Where the tile's points of the driver's sample ({@link #driverStep}) start in its
     * descriptor data, in run order.
     */
    static int[] driverOffsets(RunPlan plan, Tile tile) {
        int[] fit = offsets(plan, tile);
        long step = driverStep(plan);
        if (step == 1) {
            return fit;
        }
        int every = fitEvery(plan);
        InputPlan input = plan.input(tile.input());
        long before = 0;
        for (InputPlan earlier : plan.inputs()) {
            // inputs keep their index when others drop out
            if (earlier.index() < tile.input()) {
                before += onFitGrid(earlier, every);
            }
        }
        int columns = onGrid(input.grid().countX(), 0, every);
        long frameStart = before + tile.frame() * (onFitGrid(input, every) / input.frames().size());
        int length = plan.descriptor().length();
        int[] kept = new int[fit.length];
        int count = 0;
        for (int offset : fit) {
            int point = offset / length;
            long ix = tile.ix0() + point % tile.pointsX();
            long iy = tile.iy0() + point / tile.pointsX();
            long rank = frameStart + iy / every * columns + ix / every;
            if (rank % step == 0) {
                kept[count++] = offset;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /** The fit points of every frame of the input, whose stride indices are multiples of {@code every}. */
    private static long onFitGrid(InputPlan input, int every) {
        return (long) input.frames().size() * onGrid(input.grid().countX(), 0, every)
                * onGrid(input.grid().countY(), 0, every);
    }

    /**
     * The points k-means is seeded on at the driver are every n-th fit point in run order, with
     * this n: 1 in a run whose fit points all go there ({@link FitStage#WHOLE_RUN_ON_DRIVER}),
     * else the least that keeps about {@link KSelection#SAMPLE}. Chosen by position, so the same
     * points whatever the tiling, and taken from the tiles where they lie, never from the
     * features' shuffle. In run order rather than on a coarser grid of each frame: the frames
     * of a series often show the same scene, and a grid would take the same places in each.
     */
    static long driverStep(RunPlan plan) {
        if (FitStage.wholeOnDriver(plan)) {
            return 1;
        }
        return Math.max(1, (fitCount(plan) + KSelection.SAMPLE - 1) / KSelection.SAMPLE);
    }

    /** How many points the driver's sample ({@link #driverStep}) holds, exactly. */
    static long driverCount(RunPlan plan) {
        long step = driverStep(plan);
        return (fitCount(plan) + step - 1) / step;
    }

    /** How many fit points the run has, exactly. */
    private static long fitCount(RunPlan plan) {
        int every = fitEvery(plan);
        long count = 0;
        for (InputPlan input : plan.inputs()) {
            count += onFitGrid(input, every);
        }
        return count;
    }

    /** How many fit points each row of the tile holds, with the sample grid {@code every} apart. */
    private static int columns(Tile tile, int every) {
        return onGrid(tile.pointsX(), Math.floorMod(-tile.ix0(), every), every);
    }

    /** How many of {@code points} indices, from {@code first} on, are {@code every} apart. */
    private static int onGrid(int points, int first, int every) {
        return Math.max(0, (points - first + every - 1) / every);
    }

    /** The fit points' features under {@code basis}, in run ordinal order. */
    static JavaRDD<Vector> orderedFeatures(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan,
            SegmentationModel basis) {
        return orderedFeatures(tiles, plan, basis, OrdinalPartitioner.POINTS_PER_PARTITION);
    }

    static JavaRDD<Vector> orderedFeatures(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan,
            SegmentationModel basis, long pointsPerPartition) {
        OrdinalPartitioner partitioner = partitioner(plan.value(), pointsPerPartition);
        int features = basis.features();
        return tiles
                .flatMapToPair(td -> runsOf(plan.value(), td, basis, partitioner).iterator())
                .repartitionAndSortWithinPartitions(partitioner)
                .values()
                .flatMap(values -> split(values, features));
    }

    /** The run's fit partitions: which run ordinals MLlib sees together, and in what order. */
    static OrdinalPartitioner partitioner(RunPlan run, long pointsPerPartition) {
        return new OrdinalPartitioner(run.ordinalEnd(), count(run), pointsPerPartition);
    }

    /**
     * The features under {@code basis} of the points of the driver's sample ({@link #driverStep}),
     * in run order: one job over the tiles, each projecting its own few points. Where the
     * descriptor job brought these points' descriptors to the driver already ({@link FitRows}),
     * the driver projects them itself, to the same values.
     */
    static double[][] driverSample(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan,
            SegmentationModel basis) {
        int features = basis.features();
        List<Tuple2<long[], double[]>> parts = Collected.of(tiles.map(td -> {
            int[] offsets = driverOffsets(plan.value(), td.tile());
            return new Tuple2<>(ordinals(plan.value(), td.tile(), offsets),
                    basis.project(td.data(), offsets));
        }));
        List<long[]> order = runOrder(parts.stream().map(Tuple2::_1).toList());
        double[][] points = new double[order.size()][];
        for (int i = 0; i < points.length; i++) {
            long[] at = order.get(i);
            int from = (int) at[2] * features;
            points[i] = Arrays.copyOfRange(parts.get((int) at[1])._2(), from, from + features);
        }
        return points;
    }

    /**
     * Points given tile by tile as their run ordinals ({@code ordinals.get(t)[p]}: tile t's p-th
     * point), put in run order: {ordinal, t, p} for each.
     */
    static List<long[]> runOrder(List<long[]> ordinals) {
        List<long[]> order = new ArrayList<>();
        for (int t = 0; t < ordinals.size(); t++) {
            long[] tile = ordinals.get(t);
            for (int p = 0; p < tile.length; p++) {
                order.add(new long[] {tile[p], t, p});
            }
        }
        order.sort(Comparator.comparingLong(at -> at[0]));
        return order;
    }

    /** About how many points the fit uses (a bound: the sample grid rounds up). */
    static long count(RunPlan run) {
        long every = fitEvery(run);
        return run.points() / (every * every) + 1;
    }

    /** The spacing of the run's fit grid, in stride points ({@link #sampleEvery}). */
    static int fitEvery(RunPlan plan) {
        return sampleEvery(plan.points(), plan.config().fitSample());
    }

    /**
     * The fit sample keeps the points whose stride indices are both multiples of this, a coarser
     * grid over every frame, about {@code sample} points in all (0: every point).
     */
    static int sampleEvery(long points, long sample) {
        return sample <= 0 || sample >= points ? 1 : (int) Math.ceil(Math.sqrt((double) points / sample));
    }

    /**
     * The features of the tile's fit points as runs keyed by their first ordinal: per row of the
     * sample grid, the row's points in order, cut where the fit partition changes. Runs of
     * different tiles never interleave, since a tile holds a contiguous stretch of each row.
     */
    private static List<Tuple2<Long, double[]>> runsOf(RunPlan plan, TileDescriptors td,
            SegmentationModel basis, OrdinalPartitioner partitioner) {
        Tile tile = td.tile();
        int every = fitEvery(plan);
        int[] offsets = offsets(plan, tile);
        int columns = columns(tile, every);
        long[] ordinals = ordinals(plan, tile, offsets);
        List<Tuple2<Long, double[]>> runs = new ArrayList<>();
        double[] projected = basis.project(td.data(), offsets);
        int features = basis.features();
        for (int rowStart = 0; rowStart < offsets.length; rowStart += columns) {
            int start = rowStart;
            for (int p = rowStart + 1; p <= rowStart + columns; p++) {
                if (p == rowStart + columns
                        || partitioner.getPartition(ordinals[p]) != partitioner.getPartition(ordinals[start])) {
                    runs.add(new Tuple2<>(ordinals[start],
                            Arrays.copyOfRange(projected, start * features, p * features)));
                    start = p;
                }
            }
        }
        return runs;
    }

    /** The run ordinals of the tile's points whose descriptors start at {@code offsets}. */
    static long[] ordinals(RunPlan plan, Tile tile, int[] offsets) {
        InputPlan input = plan.input(tile.input());
        int length = plan.descriptor().length();
        long[] ordinals = new long[offsets.length];
        for (int p = 0; p < offsets.length; p++) {
            int point = offsets[p] / length;
            ordinals[p] = input.ordinal(tile.frame(), tile.ix0() + point % tile.pointsX(),
                    tile.iy0() + point / tile.pointsX());
        }
        return ordinals;
    }

    /** Consecutive runs of {@code features} values as one vector each. */
    static Iterator<Vector> split(double[] values, int features) {
        List<Vector> points = new ArrayList<>(values.length / features);
        for (int offset = 0; offset < values.length; offset += features) {
            points.add(Vectors.dense(Arrays.copyOfRange(values, offset, offset + features)));
        }
        return points.iterator();
    }
}
