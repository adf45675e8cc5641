package org.symseg.pipeline;

import org.apache.spark.Partitioner;

/**
 * Puts points into fit partitions by their position in the run's fixed point order, so the fit
 * sees the same partitions whatever the tiling, partition count or cluster.
 */
final class OrdinalPartitioner extends Partitioner {

    private static final long serialVersionUID = 1L;
    /**
     * MLlib caches the points it is given, and Spark estimates the size of each cached partition
     * as it fills, a cost of some 25 ms a partition that hardly depends on its size; its passes
     * also cost a task per partition. 200,000 points (8 MB of five features) a partition, where
     * there were 50,000, took the fit of a 50-frame batch from 5.1–5.6 s to 4.3–4.8 s on two
     * cores (BENCHMARKS.md, issue 7); a run of ten million points still has fifty tasks a pass.
     */
    static final long POINTS_PER_PARTITION = 200_000;

    private final int partitions;
    private final long ordinalEnd;

    /** Ordinals 0 .. ordinalEnd - 1, of which {@code points} are in the fit. */
    OrdinalPartitioner(long ordinalEnd, long points) {
        this(ordinalEnd, points, POINTS_PER_PARTITION);
    }

    /** The same with another partition size (tests use small ones to get several partitions). */
    OrdinalPartitioner(long ordinalEnd, long points, long pointsPerPartition) {
        this.ordinalEnd = Math.max(1, ordinalEnd);
        this.partitions = (int) Math.max(1, Math.min(1024,
                (points + pointsPerPartition - 1) / pointsPerPartition));
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        long ordinal = (Long) key;
        // ordinals stay far below 2^53, so the product cannot overflow
        return (int) Math.min(partitions - 1, ordinal * partitions / ordinalEnd);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrdinalPartitioner o && o.partitions == partitions
                && o.ordinalEnd == ordinalEnd;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ordinalEnd) * 31 + partitions;
    }
}
