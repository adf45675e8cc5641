package org.symseg.testing;

import org.apache.spark.api.java.JavaSparkContext;
import org.symseg.pipeline.SparkContexts;

/**
 * The one local Spark context of the test JVM, made on first use through the same factory as a
 * real run, never stopped by a test (the JVM's exit ends it).
 */
public final class SharedSpark {

    private static JavaSparkContext context;

    private SharedSpark() {
    }

    public static synchronized JavaSparkContext context() {
        if (context == null) {
            context = SparkContexts.getOrCreate("local[2]");
        }
        return context;
    }
}
