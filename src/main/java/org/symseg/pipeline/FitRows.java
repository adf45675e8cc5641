package org.symseg.pipeline;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.symseg.descriptor.SelectedChannels;
import org.symseg.model.ClassMoments;
import org.symseg.model.CovarianceSums;
import org.symseg.model.SegmentationModel;

/**
 * The descriptors of a small run's fit points, brought to the driver by the descriptor job, so
 * that the fit needs no Spark job at all: the driver projects them (in run order, as {@link
 * FitPoints#orderedFeatures} would lay them out), clusters them, and takes the Fisher moments
 * and label counts itself. The values are the executors' own and every sum is exact, so the
 * model comes out bit for bit as from the Spark passes. Runs beyond {@link #VALUES_ON_DRIVER}
 * descriptor values keep those passes; of them, the descriptors of the points k-means is seeded
 * on come instead ({@link Scope}), so that the seeding sample costs no job of its own either.
 */
final class FitRows implements Serializable {

    private static final long serialVersionUID = 1L;
    /** 32 MB of floats on the driver at most; a 1024² image at stride 5 has 4.2 million. */
    static final long VALUES_ON_DRIVER = 8_000_000;

    /**
     * One tile's fit points: their run ordinals and their descriptors, row after row. The
     * descriptors travel as raw bytes ({@link BulkFloats}): a 1024² image at stride 5 sends
     * 17 MB of them to the driver.
     */
    private static final class TileRows implements Serializable {

        private static final long serialVersionUID = 1L;
        private final long[] ordinals;
        private transient float[] values;

        TileRows(long[] ordinals, float[] values) {
            this.ordinals = ordinals;
            this.values = values;
        }

        long[] ordinals() {
            return ordinals;
        }

        float[] values() {
            return values;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            BulkFloats.write(out, values);
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            values = BulkFloats.read(in);
        }
    }

    private final int length;
    private final List<TileRows> tiles;
    /** (ordinal, tile, row) of every point, by ordinal; worked out on the driver when needed. */
    private transient List<long[]> runOrder;
    /**
     * The axes {@link #features} last projected on, and the features by tile, one point after
     * the other.
     */
    private transient double[][] projectedOn;
    private transient double[][] projected;

    private FitRows(int length, List<TileRows> tiles) {
        this.length = length;
        this.tiles = tiles;
    }

    /** Whether the run's fit points are few enough to come to the driver. */
    static boolean suit(RunPlan plan) {
        return FitPoints.count(plan) * plan.descriptor().length() <= VALUES_ON_DRIVER
                && FitStage.wholeOnDriver(plan);
    }

    /** Whose descriptors come to the driver: nobody's, the fit points', or the seeding sample's. */
    enum Scope { NONE, FIT_POINTS, SAMPLE }

    /**
     * Which descriptors the descriptor job brings to the driver when the run fits a model: all
     * fit points' if they {@link #suit}, else those of the points k-means is seeded on
     * ({@link FitPoints#driverStep}) if few enough, else none.
     */
    static Scope scope(RunPlan plan) {
        if (suit(plan)) {
            return Scope.FIT_POINTS;
        }
        return FitPoints.driverCount(plan) * plan.descriptor().length() <= VALUES_ON_DRIVER
                ? Scope.SAMPLE : Scope.NONE;
    }

    /** None yet, for descriptors of {@code length} values. */
    static FitRows empty(int length) {
        return new FitRows(length, new ArrayList<>());
    }

    /** The points of one tile that did not fail whose descriptors start at {@code offsets}. */
    static FitRows of(RunPlan plan, TileDescriptors td, int[] offsets) {
        int length = plan.descriptor().length();
        float[] values;
        if (offsets.length * length == td.data().length) {
            values = td.data(); // every point is a fit point (no --fit-sample): no copy needed
        } else {
            values = new float[offsets.length * length];
            for (int p = 0; p < offsets.length; p++) {
                System.arraycopy(td.data(), offsets[p], values, p * length, length);
            }
        }
        List<TileRows> one = new ArrayList<>();
        one.add(new TileRows(FitPoints.ordinals(plan, td.tile(), offsets), values));
        return new FitRows(length, one);
    }

    FitRows merge(FitRows other) {
        tiles.addAll(other.tiles);
        runOrder = null;
        projected = null;
        projectedOn = null;
        return this;
    }

    /** The same points with only the selected channels. */
    FitRows select(SelectedChannels selected) {
        List<TileRows> kept = new ArrayList<>();
        for (TileRows tile : tiles) {
            kept.add(new TileRows(tile.ordinals(), selected.select(tile.values(), tile.ordinals().length)));
        }
        return new FitRows(selected.length(), kept);
    }

    CovarianceSums covariance() {
        CovarianceSums sums = new CovarianceSums(length);
        for (CovarianceSums tileSums : perTile(t -> {
            TileRows tile = tiles.get(t);
            CovarianceSums one = new CovarianceSums(length);
            one.addAll(tile.values(), rowOffsets(tile));
            return one;
        })) {
            sums.merge(tileSums);
        }
        return sums;
    }

    /**
     * The moments of every channel and feature by label under {@code model}; the features
     * {@link #features} projected on the model's axes are not projected again.
     */
    ClassMoments moments(SegmentationModel model) {
        ClassMoments moments = new ClassMoments(model.patterns(), length + model.features());
        for (ClassMoments tileMoments : perTile(t -> ClassMoments.byPattern(model, tiles.get(t).values(),
                rowOffsets(tiles.get(t)), projection(model, t)))) {
            moments.merge(tileMoments);
        }
        return moments;
    }

    /** How many points fall to each of the model's clusters. */
    long[] counts(SegmentationModel model) {
        return perTile(t -> FitStage.tally(model.patterns(), model.labels(projection(model, t))))
                .stream().reduce(new long[model.patterns()], FitStage::add);
    }

    /** Tile t's features under the model's axes: those {@link #features} found, if on the same axes. */
    private double[] projection(SegmentationModel model, int t) {
        return model.components() == projectedOn ? projected[t]
                : model.project(tiles.get(t).values(), rowOffsets(tiles.get(t)));
    }

    /**
     * The points' features under {@code basis}, in run order, projected tile by tile on the
     * driver's cores in parallel (each point on its own: the same values in any order).
     */
    double[][] features(SegmentationModel basis) {
        int count = basis.features();
        double[][] byTile = perTile(t -> projection(basis, t)).toArray(double[][]::new);
        List<long[]> order = inRunOrder();
        double[][] features = new double[order.size()][];
        for (int i = 0; i < features.length; i++) {
            long[] at = order.get(i);
            int row = (int) at[2];
            features[i] = Arrays.copyOfRange(byTile[(int) at[1]], row * count, (row + 1) * count);
        }
        projectedOn = basis.components();
        projected = byTile;
        return features;
    }

    /**
     * Each tile's part of a sum, worked out on the driver's cores in parallel; the sums are exact,
     * so merged in any order they come out the same.
     */
    private <T> List<T> perTile(IntFunction<T> part) {
        return IntStream.range(0, tiles.size()).parallel().mapToObj(part).toList();
    }

    private List<long[]> inRunOrder() {
        if (runOrder != null) {
            return runOrder;
        }
        runOrder = FitPoints.runOrder(tiles.stream().map(TileRows::ordinals).toList());
        return runOrder;
    }

    private int[] rowOffsets(TileRows tile) {
        int[] offsets = new int[tile.ordinals().length];
        for (int r = 0; r < offsets.length; r++) {
            offsets[r] = r * length;
        }
        return offsets;
    }
}
