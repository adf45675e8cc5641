package org.symseg.pipeline;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.symseg.image.Storage;
import scala.Tuple2;

/**
 * Spark's {@code spark.hadoop.*} settings (from {@code --conf}, spark-defaults.conf or
 * {@code -Dspark.hadoop.*}), handed to {@link Storage} for symseg's own reads and writes, as
 * Spark hands them to its own Hadoop configuration. Applied on the driver before it touches a
 * file, and in every task that opens files, since an executor's JVM has only its SparkConf.
 */
public final class HadoopSettings {

    private static final String PREFIX = "spark.hadoop.";

    private HadoopSettings() {
    }

    /** From the running Spark's configuration, or from system properties before Spark starts. */
    public static void apply() {
        SparkEnv env = SparkEnv.get();
        Storage.useSettings(of(env != null ? env.conf() : new SparkConf()));
    }

    static Map<String, String> of(SparkConf conf) {
        Map<String, String> settings = new HashMap<>();
        for (Tuple2<String, String> setting : conf.getAllWithPrefix(PREFIX)) {
            settings.put(setting._1(), setting._2());
        }
        return settings;
    }
}
