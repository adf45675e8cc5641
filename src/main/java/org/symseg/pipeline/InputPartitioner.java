package org.symseg.pipeline;

import org.apache.spark.Partitioner;

/** Sends all label tiles of an input to one partition, so one task writes that input. */
final class InputPartitioner extends Partitioner {

    private static final long serialVersionUID = 1L;

    private final int partitions;

    InputPartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return Math.floorMod(((TileKey) key).input(), partitions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputPartitioner o && o.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
