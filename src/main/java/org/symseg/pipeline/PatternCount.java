package org.symseg.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.linalg.Vector;
import org.symseg.config.SegmentConfig;
import org.symseg.model.KSelection;
import org.symseg.model.LocalKMeans;
import org.symseg.model.Silhouette;

/**
 * {@code --k auto}: picks k between {@code --k-min} and {@code --k-max} on an evenly spaced
 * sample of the run's PCA features (in run order, so the same for any partitioning). Each
 * candidate is a seeded k-means fit on the sample, scored by its mean silhouette ({@link
 * Silhouette}, the definition of Spark's ClusteringEvaluator). Both run on the driver: per
 * candidate, an MLlib fit plus an evaluation would cost seconds of job overhead even for a few
 * thousand points. The model is then fitted with the chosen k exactly as {@code --k N} would.
 */
final class PatternCount {

    static final String METHOD = "mean silhouette of k-means on the fit's PCA features";
    /** Points the choice is made on; silhouette and k-means here are O(points x k). */
    static final int SAMPLE = 20_000;

    private PatternCount() {
    }

    static KSelection choose(JavaRDD<Vector> features, SegmentConfig config) {
        double[][] sample = sample(features);
        Map<Integer, Double> scores = new LinkedHashMap<>();
        for (int k = config.kMin(); k <= config.kMax(); k++) {
            double[][] centres = LocalKMeans.fit(sample, k, config.seed());
            scores.put(k, Silhouette.mean(sample, LocalKMeans.assign(sample, centres), k));
        }
        return KSelection.best(METHOD, scores);
    }

    /** Every n-th point in run order, n chosen so that at most {@link #SAMPLE} remain. */
    private static double[][] sample(JavaRDD<Vector> features) {
        long count = features.count();
        long step = Math.max(1, (count + SAMPLE - 1) / SAMPLE);
        List<Vector> kept = step == 1 ? features.collect()
                : features.zipWithIndex().filter(p -> p._2() % step == 0).map(p -> p._1()).collect();
        double[][] points = new double[kept.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = kept.get(i).toArray();
        }
        return points;
    }
}
