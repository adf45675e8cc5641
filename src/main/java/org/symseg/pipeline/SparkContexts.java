package org.symseg.pipeline;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The one place a Spark context is made. When one is already running in this JVM (the shared
 * test context, or a notebook's) it is reused.
 */
public final class SparkContexts {

    private static volatile SparkContext lastUsed;

    private SparkContexts() {
    }

    public static JavaSparkContext getOrCreate(String master) {
        SparkConf conf = new SparkConf()
                .setAppName("symseg")
                .setIfMissing("spark.master", master)
                .setIfMissing("spark.ui.showConsoleProgress", "false")
                .setIfMissing("spark.ui.enabled", "false");
        if (conf.get("spark.master").startsWith("local")) {
            local(conf);
        }
        lastUsed = SparkContext.getOrCreate(conf);
        return JavaSparkContext.fromSparkContext(lastUsed);
    }

    /**
     * Settings for an embedded local Spark, where driver and executor are one JVM: the loopback
     * address, and no compression of shuffle and broadcast blocks, which never leave the machine
     * (compressing them only costs CPU, and loading the codec costs start-up time).
     */
    private static void local(SparkConf conf) {
        conf.setIfMissing("spark.driver.host", "127.0.0.1")
                .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                .setIfMissing("spark.shuffle.compress", "false")
                .setIfMissing("spark.shuffle.spill.compress", "false")
                .setIfMissing("spark.broadcast.compress", "false");
    }

    /** Stops the context of this JVM, if one runs; for the end of a command-line run. */
    public static void stopIfRunning() {
        SparkContext sc = lastUsed;
        if (sc != null && !sc.isStopped()) {
            sc.stop();
        }
    }
}
