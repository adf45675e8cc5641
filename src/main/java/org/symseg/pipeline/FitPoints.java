package org.symseg.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
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
        int every = sampleEvery(plan.points(), plan.config().fitSample());
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
     * About {@code max} of the run's ordered features, on the driver: every n-th point of each fit
     * partition, in order, with n from the run's fit point count ({@link #count}). Fit partitions
     * hold fixed ranges of run ordinals, so these are the same points whatever the tiling. One
     * job, which reads the features' shuffle output.
     */
    static double[][] sample(JavaRDD<Vector> features, int dimensions, RunPlan run, int max) {
        long step = Math.max(1, (count(run) + max - 1) / max);
        // one flat array per partition: tens of thousands of small arrays cost far more to
        // serialize and to deserialize on the driver than their values in one
        List<double[]> partitions = features.mapPartitions(points -> {
            double[] kept = new double[0];
            int length = 0;
            for (long i = 0; points.hasNext(); i++) {
                Vector point = points.next();
                if (i % step == 0) {
                    if (length + point.size() > kept.length) {
                        kept = Arrays.copyOf(kept, Math.max(2 * kept.length, length + point.size()));
                    }
                    for (int j = 0; j < point.size(); j++) {
                        kept[length++] = point.apply(j);
                    }
                }
            }
            return List.of(Arrays.copyOf(kept, length)).iterator();
        }).collect();
        List<double[]> points = new ArrayList<>();
        for (double[] flat : partitions) {
            for (int at = 0; at < flat.length; at += dimensions) {
                points.add(Arrays.copyOfRange(flat, at, at + dimensions));
            }
        }
        return points.toArray(double[][]::new);
    }

    /** About how many points the fit uses (a bound: the sample grid rounds up). */
    static long count(RunPlan run) {
        long every = sampleEvery(run.points(), run.config().fitSample());
        return run.points() / (every * every) + 1;
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
        int every = sampleEvery(plan.points(), plan.config().fitSample());
        int features = basis.features();
        int[] offsets = offsets(plan, tile);
        int columns = columns(tile, every);
        long[] ordinals = ordinals(plan, tile, offsets);
        List<Tuple2<Long, double[]>> runs = new ArrayList<>();
        double[] projected = new double[features];
        for (int rowStart = 0; rowStart < offsets.length; rowStart += columns) {
            int start = rowStart;
            for (int p = rowStart + 1; p <= rowStart + columns; p++) {
                if (p == rowStart + columns
                        || partitioner.getPartition(ordinals[p]) != partitioner.getPartition(ordinals[start])) {
                    double[] run = new double[(p - start) * features];
                    for (int q = start; q < p; q++) {
                        basis.project(td.data(), offsets[q], projected);
                        System.arraycopy(projected, 0, run, (q - start) * features, features);
                    }
                    runs.add(new Tuple2<>(ordinals[start], run));
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
