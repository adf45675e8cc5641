package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.symseg.testing.SharedSpark;

class GroupedTest {

    @Test
    void manyTilesArePassedOverInAFewTasksPerCoreEachTileOnce() {
        JavaSparkContext sc = SharedSpark.context();
        List<Integer> tiles = IntStream.range(0, 50).boxed().collect(Collectors.toList());
        JavaRDD<Integer> grouped = Grouped.tiles(sc.parallelize(tiles, 50));
        assertEquals(Grouped.PER_CORE * sc.defaultParallelism(), grouped.getNumPartitions());
        assertEquals(tiles, grouped.collect().stream().sorted().toList());
    }

    @Test
    void fewTilesKeepATaskEach() {
        JavaSparkContext sc = SharedSpark.context();
        JavaRDD<Integer> few = sc.parallelize(List.of(1, 2, 3, 4), 4);
        assertSame(few, Grouped.tiles(few));
    }
}
