package org.symseg.pipeline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The one place a Spark context is made. When one is already running in this JVM (the shared
 * test context, or a notebook's) it is reused.
 */
public final class SparkContexts {

    private static final Pattern LOCAL_THREADS = Pattern.compile("local\\[(\\*|\\d+)(,\\d+)?\\]");

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
        HadoopSettings.apply();
        return JavaSparkContext.fromSparkContext(lastUsed);
    }

    /**
     * Settings for an embedded local Spark, where driver and executor are one JVM: the loopback
     * address; no compression of shuffle and broadcast blocks, which never leave the machine
     * (compressing them only costs CPU, and loading the codec costs start-up time); task results
     * of up to 64 MB handed over directly, as a small run's fit points are (a few MB a tile),
     * rather than stored as blocks that the driver then fetches over the loopback network
     * (10-30 ms a tile on 2 cores); and the default parallelism set to the number of cores it
     * already is, because only a set value makes shuffles without a partition count of their own
     * (MLlib's per-iteration sums) use it rather than one reduce task per input partition, mostly
     * empty ones for k sums.
     */
    private static void local(SparkConf conf) {
        conf.setIfMissing("spark.driver.host", "127.0.0.1")
                .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                .setIfMissing("spark.shuffle.compress", "false")
                .setIfMissing("spark.shuffle.spill.compress", "false")
                .setIfMissing("spark.broadcast.compress", "false")
                .setIfMissing("spark.task.maxDirectResultSize", String.valueOf(64L << 20));
        int cores = localCores(conf.get("spark.master"));
        if (cores > 0) {
            conf.setIfMissing("spark.default.parallelism", String.valueOf(cores));
        }
    }

    /**
     * Task threads of an in-process master: 1 for {@code local}, N for {@code local[N]} and
     * {@code local[N,F]}, every core for {@code local[*]}; 0 for any other master.
     */
    static int localCores(String master) {
        if (master.equals("local")) {
            return 1;
        }
        Matcher m = LOCAL_THREADS.matcher(master);
        if (!m.matches()) {
            return 0;
        }
        return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                : Integer.parseInt(m.group(1));
    }

    /** Stops the context of this JVM, if one runs; for the end of a command-line run. */
    public static void stopIfRunning() {
        SparkContext sc = lastUsed;
        if (sc != null && !sc.isStopped()) {
            sc.stop();
        }
    }
}
