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
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.driver.host", master.startsWith("local") ? "127.0.0.1" : "")
                .setIfMissing("spark.driver.bindAddress", master.startsWith("local") ? "127.0.0.1" : "");
        if (conf.get("spark.driver.host").isEmpty()) {
            conf.remove("spark.driver.host");
            conf.remove("spark.driver.bindAddress");
        }
        lastUsed = SparkContext.getOrCreate(conf);
        return JavaSparkContext.fromSparkContext(lastUsed);
    }

    /** Stops the context of this JVM, if one runs; for the end of a command-line run. */
    public static void stopIfRunning() {
        SparkContext sc = lastUsed;
        if (sc != null && !sc.isStopped()) {
            sc.stop();
        }
    }
}
