package org.symseg.pipeline;

import org.apache.spark.api.java.JavaRDD;

/**
 * The cached tiles in a few partitions per core for the passes that read them after the
 * descriptor job (the fit's, the Fisher moments', the labels'): a task per tile would cost Spark's
 * few milliseconds of task overhead per tile, as much as the work of such a pass on it.
 */
final class Grouped {

    /** Partitions per core of the run's default parallelism. */
    static final int PER_CORE = 4;

    private Grouped() {
    }

    static <T> JavaRDD<T> tiles(JavaRDD<T> tiles) {
        int most = PER_CORE * tiles.context().defaultParallelism();
        return tiles.getNumPartitions() <= most ? tiles : tiles.coalesce(most);
    }
}
