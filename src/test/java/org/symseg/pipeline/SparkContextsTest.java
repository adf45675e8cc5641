package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.symseg.testing.SharedSpark;

class SparkContextsTest {

    @Test
    void localMastersCountTheirTaskThreads() {
        assertEquals(1, SparkContexts.localCores("local"));
        assertEquals(3, SparkContexts.localCores("local[3]"));
        assertEquals(2, SparkContexts.localCores("local[2,4]"));
        assertEquals(Runtime.getRuntime().availableProcessors(), SparkContexts.localCores("local[*]"));
        assertEquals(0, SparkContexts.localCores("local-cluster[2,1,1024]"));
        assertEquals(0, SparkContexts.localCores("spark://host:7077"));
    }

    @Test
    void theSharedLocalContextHasTheLocalSettings() {
        JavaSparkContext sc = SharedSpark.context();
        assertEquals("2", sc.getConf().get("spark.default.parallelism"));
        assertEquals(2, sc.defaultParallelism());
        assertEquals(String.valueOf(64 << 20), sc.getConf().get("spark.task.maxDirectResultSize"));
    }

    @Test
    void hadoopSettingsAreSparksWithoutTheirPrefix() {
        SparkConf conf = new SparkConf(false)
                .set("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000")
                .set("spark.hadoop.fs.permissions.umask-mode", "027")
                .set("spark.master", "local[2]");
        assertEquals(Map.of("fs.s3a.endpoint", "http://127.0.0.1:9000", "fs.permissions.umask-mode", "027"),
                HadoopSettings.of(conf));
    }
}
