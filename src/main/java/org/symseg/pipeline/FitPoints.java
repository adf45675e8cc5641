package org.symseg.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.symseg.tiling.Tile;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The points a fit runs on (every stride point, or the {@code --fit-sample} grid), partitioned
 * and ordered by their run ordinal, never by tile, so every pass over them sees the same points
 * in the same order whatever the tiling.
 *
 * <p>Points are shuffled as runs: the fit points of one row of one tile, which have consecutive
 * ordinals, travel as one record (split where a fit partition ends), and are cut back into one
 * array per point after the shuffle. One record per point cost more in serialization and sorting
 * than the descriptor values themselves.
 */
final class FitPoints {

    private FitPoints() {
    }

    /**
     * The ordered fit points, cached in memory when they fit ({@link #inMemory}; the caller
     * unpersists them).
     */
    static JavaRDD<float[]> ordered(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan) {
        return ordered(tiles, plan, OrdinalPartitioner.POINTS_PER_PARTITION);
    }

    static JavaRDD<float[]> ordered(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan,
            long pointsPerPartition) {
        RunPlan run = plan.value();
        int length = run.descriptor().length();
        int every = sampleEvery(run.points(), run.config().fitSample());
        OrdinalPartitioner partitioner = new OrdinalPartitioner(run.ordinalEnd(), count(run),
                pointsPerPartition);
        JavaRDD<float[]> points = tiles
                .flatMapToPair(td -> runsOf(plan.value(), td, length, every, partitioner).iterator())
                .repartitionAndSortWithinPartitions(partitioner)
                .values()
                .flatMap(values -> split(values, length));
        return inMemory(tiles.context(), count(run) * (4L * length + 24))
                ? points.persist(StorageLevel.MEMORY_AND_DISK()) : points;
    }

    /** About how many points the fit uses (a bound: the sample grid rounds up). */
    static long count(RunPlan run) {
        long every = sampleEvery(run.points(), run.config().fitSample());
        return run.points() / (every * every) + 1;
    }

    /**
     * Whether fit data of about this many bytes is cached deserialized in memory: when it takes
     * at most a quarter of the storage memory still free. Then each pass of the fit (covariance,
     * k-means steps, Fisher moments) reads objects rather than deserializing the same bytes
     * again, which was most of the time of a small fit's twenty jobs and of a large fit's k-means
     * passes. Larger fit data is kept serialized (features) or read again from the shuffle files
     * (points), so memory stays bounded. Caching changes speed only, never results, so it may
     * depend on the memory at hand.
     */
    static boolean inMemory(SparkContext sc, long bytes) {
        long free = 0;
        for (Tuple2<Object, Object> memory : CollectionConverters.asJava(sc.getExecutorMemoryStatus()).values()) {
            free += (Long) memory._2();
        }
        return bytes <= free / 4;
    }

    /**
     * The fit sample keeps the points whose stride indices are both multiples of this, a coarser
     * grid over every frame, about {@code sample} points in all (0: every point).
     */
    static int sampleEvery(long points, long sample) {
        return sample <= 0 || sample >= points ? 1 : (int) Math.ceil(Math.sqrt((double) points / sample));
    }

    /**
     * The tile's fit points as runs keyed by their first ordinal: per row of the sample grid, the
     * row's points in order, cut where the fit partition changes. Runs of different tiles never
     * interleave, since a tile holds a contiguous stretch of each of its rows.
     */
    private static List<Tuple2<Long, float[]>> runsOf(RunPlan plan, TileDescriptors td, int length,
            int every, OrdinalPartitioner partitioner) {
        Tile tile = td.tile();
        InputPlan input = plan.input(tile.input());
        int firstColumn = Math.floorMod(-tile.ix0(), every);
        int columns = Math.max(0, (tile.pointsX() - firstColumn + every - 1) / every);
        List<Tuple2<Long, float[]>> runs = new ArrayList<>();
        for (int j = Math.floorMod(-tile.iy0(), every); j < tile.pointsY() && columns > 0; j += every) {
            long[] ordinals = new long[columns];
            for (int c = 0; c < columns; c++) {
                ordinals[c] = input.ordinal(tile.frame(), tile.ix0() + firstColumn + c * every, tile.iy0() + j);
            }
            int start = 0;
            for (int c = 1; c <= columns; c++) {
                if (c == columns || partitioner.getPartition(ordinals[c])
                        != partitioner.getPartition(ordinals[start])) {
                    runs.add(new Tuple2<>(ordinals[start], gather(td, tile, j, firstColumn, every, start, c, length)));
                    start = c;
                }
            }
        }
        return runs;
    }

    /** The descriptors of sample columns {@code from .. to - 1} of tile row {@code j}, end to end. */
    private static float[] gather(TileDescriptors td, Tile tile, int j, int firstColumn, int every,
            int from, int to, int length) {
        float[] values = new float[(to - from) * length];
        for (int c = from; c < to; c++) {
            int i = firstColumn + c * every;
            System.arraycopy(td.data(), (j * tile.pointsX() + i) * length, values, (c - from) * length, length);
        }
        return values;
    }

    private static Iterator<float[]> split(float[] values, int length) {
        List<float[]> points = new ArrayList<>(values.length / length);
        for (int offset = 0; offset < values.length; offset += length) {
            points.add(Arrays.copyOfRange(values, offset, offset + length));
        }
        return points.iterator();
    }
}
