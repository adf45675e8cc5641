package org.symseg.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * What bringing a small result to the driver costs on a warm embedded Spark: Spark's own
 * {@code collect} and {@code reduce} against {@link Collected} and {@link Merged}, in turns, over
 * a cached RDD of two partitions, so that the job itself is next to nothing and what is timed
 * is the call. Not a test: run it by hand (command in BENCHMARKS.md).
 *
 * <pre>CollectBenchmark [--rounds N] [--calls N] [--master local[2]]</pre>
 */
public final class CollectBenchmark {

    private CollectBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = 8;
        int calls = 300;
        String master = "local[2]";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--master" -> master = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        JavaSparkContext sc = SparkContexts.getOrCreate(master);
        JavaRDD<Integer> numbers = sc.parallelize(IntStream.range(0, 1000).boxed().toList(), 2).cache();
        numbers.count();
        System.out.printf("# %s, %d cores, Java %s: ms per call, %d calls a round%n", master,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), calls);
        double[][] times = new double[4][rounds];
        for (int round = 0; round < rounds; round++) {
            times[0][round] = perCall(calls, () -> numbers.collect());
            times[1][round] = perCall(calls, () -> Collected.of(numbers));
            times[2][round] = perCall(calls, () -> numbers.reduce(Integer::sum));
            times[3][round] = perCall(calls, () -> Merged.of(numbers, Integer::sum));
            System.out.printf(Locale.ROOT, "round %d: collect %.2f, Collected.of %.2f, reduce %.2f, Merged.of %.2f%n",
                    round + 1, times[0][round], times[1][round], times[2][round], times[3][round]);
        }
        // the first half of the rounds are the warm-up
        List<String> names = List.of("collect", "Collected.of", "reduce", "Merged.of");
        for (int k = 0; k < names.size(); k++) {
            double[] warm = Arrays.copyOfRange(times[k], rounds / 2, rounds);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "# %-13s median of the last %d rounds %.2f ms%n", names.get(k),
                    warm.length, warm[warm.length / 2]);
        }
        sc.stop();
    }

    private static double perCall(int calls, Runnable call) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return (System.nanoTime() - start) / 1e6 / calls;
    }
}
