package org.symseg.pipeline;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;

/**
 * The one way symseg merges per-tile results (exact sums, counts, rows) on the driver. Spark's
 * {@code treeReduce} merges on the executors first, which pays when hundreds of partitions would
 * each send the driver a result; below {@link #FEW} partitions it adds no merging level at all
 * and still costs a warm local run about twice what {@code reduce} does (13–15 ms a job against
 * 6–7 ms, BENCHMARKS.md, issue 7), in the closures it has Spark clean and the extra fold. Up to
 * {@link #FEW} partitions, each task merges its own partition and the driver merges those in
 * partition order through {@link Collected}, which spares even the cleaning {@code reduce} has
 * Spark do (a warm call 2.78 against 5.81 ms, {@code CollectBenchmark}), and merges in the same
 * order however the tasks end.
 */
final class Merged {

    /** Up to this many partitions, results go to the driver straight away. */
    static final int FEW = 32;

    private Merged() {
    }

    static <T> T of(JavaRDD<T> parts, Function2<T, T, T> merge) {
        if (parts.getNumPartitions() > FEW) {
            return parts.treeReduce(merge);
        }
        // an empty partition's result is null
        List<T> perPartition = Collected.perPartition(parts, elements -> fold(elements, merge)).stream()
                .filter(Objects::nonNull).toList();
        if (perPartition.isEmpty()) {
            throw new UnsupportedOperationException("nothing to merge: no partition has an element");
        }
        return fold(perPartition.iterator(), merge);
    }

    /** The elements merged in order, or null if there are none. */
    private static <T> T fold(Iterator<T> elements, Function2<T, T, T> merge) {
        T merged = null;
        while (elements.hasNext()) {
            T next = elements.next();
            try {
                merged = merged == null ? next : merge.call(merged, next);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return merged;
    }
}
