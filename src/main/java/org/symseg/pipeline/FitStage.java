package org.symseg.pipeline;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.symseg.config.SegmentConfig;
import org.symseg.model.CovarianceSums;
import org.symseg.model.KSelection;
import org.symseg.model.LabelOrder;
import org.symseg.model.LocalKMeans;
import org.symseg.model.LocalPca;
import org.symseg.model.SegmentationModel;

/**
 * One model per run: PCA (covariance summed exactly by Spark, axes found on the driver), then
 * k-means, over the fit points of every frame of every input ({@link FitPoints}). The sums are
 * exact and k-means sees the points' features laid out by run ordinal (not by tile) with a fixed
 * seed, so the model does not depend on tiling or partitioning; labels are then put in canonical
 * order. Centres are seeded on the driver, by seeded k-means ({@link LocalKMeans}) on the
 * features of every n-th fit point in run order ({@link FitPoints#driverStep}), rather than by
 * MLlib's k-means|| initialisation, whose seven Spark jobs cost more than the seeding (at most
 * one job, mostly none) and leave more iterations to do. A small run ({@link
 * #WHOLE_RUN_ON_DRIVER}) is then clustered on the driver, a larger one by MLlib's Lloyd
 * iterations over all its fit points. With {@code --k auto}, k is chosen on the same sample
 * ({@link KSelection#bySilhouette}).
 */
final class FitStage {

    static final int MAX_ITERATIONS = 100;
    /** scikit-learn's default k-means tolerance, relative to the features' mean variance. */
    static final double TOLERANCE = 1e-4;
    /**
     * Runs whose fit points hold at most this many feature values (100,000 points at the default
     * 5 PCA components, 4 MB) are clustered on the driver: after seeding on a sample, Lloyd
     * iterations over all of the points until no point changes cluster. The centres are then the
     * means of their points, where MLlib's next pass would leave them, so MLlib is not run (if
     * {@link LocalKMeans#MAX_ITERATIONS} pass first, it goes on from there). A Lloyd pass over so
     * many values costs the driver a millisecond; MLlib's one pass to confirm the centres cost a
     * warm 1024 x 1024 run about 50 of its 250 ms, and six passes before the driver iterated
     * (BENCHMARKS.md, issue 7).
     */
    static final long WHOLE_RUN_ON_DRIVER = 500_000;

    /** Whether all of the run's fit points are clustered on the driver ({@link #WHOLE_RUN_ON_DRIVER}). */
    static boolean wholeOnDriver(RunPlan run) {
        return FitPoints.count(run) * run.config().pca() <= WHOLE_RUN_ON_DRIVER;
    }

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

    /**
     * {@link #cluster}, then each cluster's fit points counted: by a pass over the tiles, or on
     * the driver when the fit points' descriptors are there.
     */
    static Fitted fit(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan, DescriptorTotals known) {
        Clusters clusters = cluster(tiles, plan, known);
        FitRows rows = known == null ? null : known.rows();
        SegmentationModel unordered = clusters.unordered();
        long[] counts = rows != null ? rows.counts(unordered) : Merged.of(tiles.map(td -> counts(unordered,
                td.data(), FitPoints.offsets(plan.value(), td.tile()))), FitStage::add);
        return clusters.ordered(clusters.order(counts));
    }

    /** How many of the descriptors at {@code offsets} fall to each of the model's clusters. */
    static long[] counts(SegmentationModel model, float[] data, int[] offsets) {
        return tally(model.patterns(), model.labels(data, offsets));
    }

    /** How many of {@code labels} are each of the {@code patterns} labels. */
    static long[] tally(int patterns, short[] labels) {
        long[] counts = new long[patterns];
        for (short label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * PCA and k-means on the fit points ({@link FitPoints}): PCA from a covariance matrix summed
     * exactly tile by tile (so bit for bit the same whatever the tiling; taken from {@code known}
     * if the descriptor job summed it already, else summed here), then k-means on the points'
     * features in run order, from centres seeded on the driver: on the driver for a small run,
     * else by MLlib. MLlib caches the points it is given, with their norms, in memory (spilling
     * to disk) when they are not cached already, which makes its many passes cheaper than over
     * features cached here. When the fit points' descriptors are on the driver ({@code
     * known.rows()}), the driver projects them, with no Spark pass; the points it seeds on come
     * from the tiles ({@link FitPoints#driverSample}), or, projected there, from the descriptors
     * the descriptor job brought ({@code known.seeds()}). {@code known} is null when nothing the
     * descriptor job gathered counts for this plan.
     */
    static Clusters cluster(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan, DescriptorTotals known) {
        RunPlan run = plan.value();
        SegmentConfig config = run.config();
        FitRows rows = known == null ? null : known.rows();
        CovarianceSums sums = known != null && known.sums() != null ? known.sums() : covariance(tiles, plan, rows);
        double[][] covariance = sums.covariance();
        double[][] components = LocalPca.axesOf(covariance, config.pca());
        SegmentationModel basis = new SegmentationModel(components, new double[0][]);
        KSelection selection = null;
        boolean whole = rows != null || wholeOnDriver(run);
        double[][] points;
        if (rows != null) {
            points = rows.features(basis);
        } else {
            points = known != null && known.seeds() != null ? known.seeds().features(basis)
                    : FitPoints.driverSample(tiles, plan, basis);
        }
        // a sample of about KSelection.SAMPLE either way, so that seeding costs what it did
        double[][] sample = KSelection.thinned(points);
        if (config.autoK()) {
            selection = KSelection.bySilhouette(sample, config.kMin(), config.kMax(), config.seed());
        }
        int k = selection == null ? config.k() : selection.chosen();
        double[][] seeds = LocalKMeans.fit(sample, k, config.seed());
        if (whole) {
            LocalKMeans.Refined refined = LocalKMeans.refine(points, seeds);
            if (refined.converged()) {
                return new Clusters(components, refined.centres(), selection);
            }
            seeds = refined.centres();
        }
        JavaRDD<Vector> features = FitPoints.orderedFeatures(tiles, plan, basis);
        Vector[] initial = new Vector[k];
        for (int c = 0; c < k; c++) {
            initial[c] = Vectors.dense(seeds[c]);
        }
        KMeansModel kmeans = new KMeans()
                .setK(k)
                .setMaxIterations(MAX_ITERATIONS)
                .setEpsilon(convergence(covariance, components, k))
                .setInitialModel(new KMeansModel(initial))
                .run(features.rdd());
        double[][] centres = new double[k][];
        for (int c = 0; c < k; c++) {
            centres[c] = kmeans.clusterCenters()[c].toArray();
        }
        return new Clusters(components, centres, selection);
    }

    /**
     * How far each centre may still move in MLlib's last pass: the reference module's criterion
     * (scikit-learn's default: the centres' squared moves add up to at most {@link #TOLERANCE}
     * times the features' mean variance) shared out over the k centres, as MLlib tests each centre
     * on its own. MLlib's default, a fixed 1e-4, is a hundred times stricter on features of unit
     * variance, and a large run paid for it with a dozen passes over all fit points.
     */
    static double convergence(double[][] covariance, double[][] components, int k) {
        double variance = 0;
        for (double[] axis : components) {
            for (int i = 0; i < axis.length; i++) {
                double row = 0;
                for (int j = 0; j < axis.length; j++) {
                    row += covariance[i][j] * axis[j];
                }
                variance += axis[i] * row;
            }
        }
        double mean = components.length == 0 ? 0 : Math.max(0, variance) / components.length;
        return Math.sqrt(TOLERANCE * mean / k);
    }

    /** The fit points' covariance sums: from the driver's rows if there, else tile by tile. */
    private static CovarianceSums covariance(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan,
            FitRows rows) {
        if (rows != null) {
            return rows.covariance();
        }
        int length = plan.value().descriptor().length();
        return Merged.of(tiles.map(td -> {
            CovarianceSums tileSums = new CovarianceSums(length);
            tileSums.addAll(td.data(), FitPoints.offsets(plan.value(), td.tile()));
            return tileSums;
        }), CovarianceSums::merge);
    }

    /** Adds b to a, element by element; returns a. */
    static long[] add(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
