package org.symseg.pipeline;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;

/**
 * The one way symseg merges per-tile results (exact sums, counts, rows) on the driver. Spark's
 * {@code treeReduce} merges on the executors first, which pays when hundreds of partitions would
 * each send the driver a result; below {@link #FEW} partitions it adds no merging level at all
 * and still costs a warm local run about twice what {@code reduce} does (13–15 ms a job against
 * 6–7 ms, BENCHMARKS.md, issue 7), in the closures it has Spark clean and the extra fold.
 */
final class Merged {

    /** Up to this many partitions, results go to the driver straight away. */
    static final int FEW = 32;

    private Merged() {
    }

    static <T> T of(JavaRDD<T> parts, Function2<T, T, T> merge) {
        return parts.getNumPartitions() <= FEW ? parts.reduce(merge) : parts.treeReduce(merge);
    }
}
