package org.symseg.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.rdd.RDD;
import org.apache.spark.util.CallSite;
import scala.collection.immutable.Range;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The one way symseg brings results of a job to the driver: each task turns its partition into
 * one value, and the driver gets them in partition order. The job is given to Spark's
 * {@code runJob} as functions of named classes. {@code collect} and {@code reduce} wrap theirs in
 * lambdas of Spark's own, and Spark's closure cleaner reads the class file of every such lambda's
 * class out of its jar at every call (RDD's and SparkContext's, large classes): a warm
 * {@code collect} of two small partitions cost 7.95 ms that way against 3.29 ms this way
 * ({@code CollectBenchmark}, BENCHMARKS.md, issue 7). Named classes are not closures to the
 * cleaner, which only checks that they serialize.
 */
final class Collected {

    private Collected() {
    }

    /** Every element, partition after partition. */
    static <T> List<T> of(JavaRDD<T> rdd) {
        List<T> all = new ArrayList<>();
        for (ArrayList<T> part : perPartition(rdd, Collected::toList)) {
            all.addAll(part);
        }
        return all;
    }

    /** {@code part} of each partition's elements, in partition order. */
    static <T, R> List<R> perPartition(JavaRDD<T> rdd, Function<Iterator<T>, R> part) {
        RDD<T> scala = rdd.rdd();
        SparkContext sc = scala.context();
        Object[] results = new Object[scala.getNumPartitions()];
        // Spark would name the job after this class, its first frame outside Spark; the Spark
        // UI, event logs and the benchmarks' job lists show the stage that asked instead
        String earlier = sc.getLocalProperty(CallSite.SHORT_FORM());
        sc.setCallSite("runJob at " + caller());
        try {
            sc.runJob(scala, new PartTask<>(part), new Range.Exclusive(0, results.length, 1),
                    new Keep<R>(results), ClassTag$.MODULE$.<R>apply(Object.class));
        } finally {
            sc.setLocalProperty(CallSite.SHORT_FORM(), earlier);
        }
        @SuppressWarnings("unchecked")
        List<R> ordered = (List<R>) Arrays.asList(results);
        return ordered;
    }

    /** File and line of the first frame outside this class and {@link Merged}. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(Collected.class.getName())
                        && !f.getClassName().equals(Merged.class.getName()))
                .findFirst()
                .map(f -> f.getFileName() + ":" + f.getLineNumber())
                .orElse("?"));
    }

    private static <T> ArrayList<T> toList(Iterator<T> elements) {
        ArrayList<T> list = new ArrayList<>();
        elements.forEachRemaining(list::add);
        return list;
    }

    /** What a task runs: {@code part} of its partition. */
    private static final class PartTask<T, R> extends AbstractFunction2<TaskContext, scala.collection.Iterator<T>, R>
            implements Serializable {

        private static final long serialVersionUID = 1L;
        private final Function<Iterator<T>, R> part;

        PartTask(Function<Iterator<T>, R> part) {
            this.part = part;
        }

        @Override
        public R apply(TaskContext context, scala.collection.Iterator<T> elements) {
            try {
                return part.call(CollectionConverters.asJava(elements));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stores each partition's result at its index, on the driver. */
    private static final class Keep<R> extends AbstractFunction2<Object, R, BoxedUnit> {

        private final Object[] results;

        Keep(Object[] results) {
            this.results = results;
        }

        @Override
        public BoxedUnit apply(Object partition, R result) {
            results[(Integer) partition] = result;
            return BoxedUnit.UNIT;
        }
    }
}
