package org.symseg.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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

    /**
     * On the driver before Spark starts: spark-submit hands its settings over as system
     * properties, which is also where a SparkConf made later reads them from. Loads no Spark
     * class, so commands that never start Spark stay quick.
     */
    public static void fromSystemProperties() {
        Properties properties = System.getProperties();
        Map<String, String> all = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> all.put(key, properties.getProperty(key)));
        Storage.useSettings(withoutPrefix(all));
    }

    /** Where Spark runs (the driver once it started, any task): the running Spark's settings. */
    static void apply() {
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            Storage.useSettings(of(env.conf()));
        }
    }

    static Map<String, String> of(SparkConf conf) {
        Map<String, String> all = new HashMap<>();
        for (Tuple2<String, String> setting : conf.getAll()) {
            all.put(setting._1(), setting._2());
        }
        return withoutPrefix(all);
    }

    /** The spark.hadoop.* entries of Spark settings, with the prefix taken off. */
    private static Map<String, String> withoutPrefix(Map<String, String> spark) {
        Map<String, String> hadoop = new HashMap<>();
        spark.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                hadoop.put(key.substring(PREFIX.length()), value);
            }
        });
        return hadoop;
    }
}
