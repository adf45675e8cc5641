package org.symseg.pipeline;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.linalg.Vector;
import org.symseg.config.SegmentConfig;
import org.symseg.model.KSelection;

/**
 * {@code --k auto} on Spark: brings an evenly spaced sample of the run's PCA features (in run
 * order, so the same for any partitioning) to the driver, where {@link KSelection#bySilhouette}
 * scores each candidate k. Per candidate, an MLlib fit plus Spark's ClusteringEvaluator would
 * cost seconds of job overhead even for a few thousand points; the silhouette computed here has
 * the evaluator's definition. The model is then fitted with the chosen k as {@code --k N} is.
 */
final class PatternCount {

    private PatternCount() {
    }

    static KSelection choose(JavaRDD<Vector> features, SegmentConfig config) {
        return KSelection.bySilhouette(sample(features), config.kMin(), config.kMax(), config.seed());
    }

    /** Every n-th point in run order, n chosen so that at most {@link KSelection#SAMPLE} remain. */
    private static double[][] sample(JavaRDD<Vector> features) {
        long count = features.count();
        long step = Math.max(1, (count + KSelection.SAMPLE - 1) / KSelection.SAMPLE);
        List<Vector> kept = step == 1 ? features.collect()
                : features.zipWithIndex().filter(p -> p._2() % step == 0).map(p -> p._1()).collect();
        double[][] points = new double[kept.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = kept.get(i).toArray();
        }
        return points;
    }
}
