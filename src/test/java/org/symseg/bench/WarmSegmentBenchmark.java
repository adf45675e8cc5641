package org.symseg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.symseg.cli.Main;
import org.symseg.pipeline.SparkContexts;

/**
 * Whole {@code segment} runs, repeated in one JVM on an embedded local Spark, so that JIT
 * compilation and Spark start are paid once (the first rounds of each master are the warm-up,
 * one by default) and what remains is the cost of a run itself. Not a test: run it by hand (command in BENCHMARKS.md).
 *
 * <pre>
 * WarmSegmentBenchmark [--rounds N] [--warmup N] [--masters local[2],local[1]] [--series-of N FILE]
 *                      [--jobs] [segment arguments: INPUT... and settings]
 * </pre>
 *
 * Every argument it does not know goes to {@code symseg segment} as typed, so the descriptor kind
 * is chosen as on the command line ({@code --descriptor rotation}). {@code --series-of N FILE}
 * copies FILE N times into a temporary directory and segments it as one {@code --series} (a batch
 * of N frames in one run). Each round writes into a fresh temporary directory, so no round reuses
 * an earlier model or skips an input. Per round it prints the wall time, the stage times of the
 * run's {@code manifest.json}, the share of the wall time outside the descriptor stage, and the
 * Spark jobs per stage ({@code --jobs}: every job with its call site), and the time the JIT
 * compiler and the garbage collector took meanwhile. The JIT keeps compiling for a hundred
 * rounds of a small run and more: {@code --warmup N} leaves the first N rounds uncounted, and
 * with several masters each runs in a JVM of its own (same options and class path), as in one JVM the later
 * masters ran on code the JIT had compiled for the earlier ones.
 */
public final class WarmSegmentBenchmark {

    private int rounds = 6;
    private int warmup = 1;
    private List<String> masters = List.of("local[2]");
    private boolean listJobs;
    private final List<String> segmentArgs = new ArrayList<>();
    private final List<Path> temporary = new ArrayList<>();

    private WarmSegmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> masters = mastersOf(args);
        if (masters.size() > 1) {
            for (String master : masters) {
                runInOwnJvm(master, args);
            }
            return;
        }
        WarmSegmentBenchmark bench = new WarmSegmentBenchmark();
        try {
            bench.parse(args);
            for (String master : bench.masters) {
                bench.runAll(master);
            }
        } finally {
            SparkContexts.stopIfRunning();
            for (Path dir : bench.temporary) {
                deleteTree(dir);
            }
        }
    }

    private static List<String> mastersOf(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--masters")) {
                return Arrays.asList(args[i + 1].split(","));
            }
        }
        return List.of();
    }

    /** This benchmark with the same arguments but only {@code master}, in a JVM started like this one. */
    private static void runInOwnJvm(String master, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WarmSegmentBenchmark.class.getName()));
        for (int i = 0; i < args.length; i++) {
            command.add(args[i]);
            if (args[i].equals("--masters")) {
                command.add(master);
                i++;
            }
        }
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("the run for " + master + " exited with " + code);
        }
    }

    private void parse(String[] args) throws IOException {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--masters" -> masters = Arrays.asList(args[++i].split(","));
                case "--jobs" -> listJobs = true;
                case "--series-of" -> {
                    int copies = Integer.parseInt(args[++i]);
                    segmentArgs.add("--series");
                    segmentArgs.add(seriesOf(copies, Path.of(args[++i])).toString());
                }
                default -> segmentArgs.add(args[i]);
            }
        }
        if (segmentArgs.isEmpty() || rounds <= warmup || warmup < 0) {
            throw new IllegalArgumentException("usage: WarmSegmentBenchmark [--rounds N] [--warmup N < rounds] "
                    + "[--masters M,...] [--series-of N FILE] [--jobs] [INPUT...] [settings]");
        }
    }

    /** A fresh context per master: a running one keeps the master it was made with. */
    private void runAll(String master) throws IOException {
        SparkContexts.stopIfRunning();
        JavaSparkContext sc = SparkContexts.getOrCreate(master);
        JobTimeline timeline = new JobTimeline();
        sc.sc().addSparkListener(timeline);
        System.out.printf(Locale.ROOT, "# %s, %d cores, Java %s, segment %s%n", master,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                String.join(" ", segmentArgs));
        List<Double> walls = new ArrayList<>();
        List<Double> outside = new ArrayList<>();
        long jitBefore = 0;
        for (int round = 0; round < rounds; round++) {
            if (round == warmup) {
                jitBefore = jitMillis();
            }
            double[] wallAndOutside = runOnce(master, round, sc, timeline);
            if (round >= warmup) {
                walls.add(wallAndOutside[0]);
                outside.add(wallAndOutside[1]);
            }
        }
        long jitPerRound = (jitMillis() - jitBefore) / walls.size();
        walls.sort(Comparator.naturalOrder());
        outside.sort(Comparator.naturalOrder());
        System.out.printf(Locale.ROOT, "# %s median of %d warm rounds: %.3f s (min %.3f s), %.0f %% of it outside "
                + "the descriptor stage; JIT compiling %d ms a round meanwhile%n%n", master, walls.size(),
                walls.get(walls.size() / 2), walls.get(0), 100 * outside.get(outside.size() / 2), jitPerRound);
        sc.sc().removeSparkListener(timeline);
    }

    /**
     * Time the JIT compiler threads have spent compiling so far. On two cores their work takes
     * CPU from the run: rounds are warm only once it has stopped growing.
     */
    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** Time the collectors have spent so far, as the JVM counts it (with G1 in Java 17: its pauses). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(bean -> Math.max(0, bean.getCollectionTime())).sum();
    }

    /** One round's wall time in seconds, and the share of it outside the descriptor stage. */
    private double[] runOnce(String master, int round, JavaSparkContext sc, JobTimeline timeline)
            throws IOException {
        Path out = Files.createTempDirectory("symseg-warm-");
        List<String> command = new ArrayList<>(List.of("segment"));
        command.addAll(segmentArgs);
        command.addAll(List.of("--out", out.toString(), "--master", master, "--quiet"));
        StringWriter printed = new StringWriter();
        long jit = jitMillis();
        long gc = gcMillis();
        long start = System.nanoTime();
        int code = Main.execute(new PrintWriter(printed, true), new PrintWriter(printed, true),
                command.toArray(String[]::new));
        double wall = (System.nanoTime() - start) / 1e9;
        jit = jitMillis() - jit;
        gc = gcMillis() - gc;
        try {
            if (code != 0) {
                throw new IllegalStateException("segment exited with " + code + ":\n" + printed);
            }
            List<JobTimeline.Job> jobs = timeline.drain(sc.sc());
            JsonNode timings = new ObjectMapper().readTree(out.resolve("manifest.json").toFile())
                    .get("timingsMs");
            double outside = 1 - timings.path("descriptors").asLong() / 1000.0 / wall;
            System.out.printf(Locale.ROOT, "round %d%s: wall %.3f s | %s | outside descriptors %.0f%% | "
                    + "JIT %d ms, GC %d ms%n", round + 1, round < warmup ? " (warm-up)" : "", wall, stages(timings),
                    100 * outside, jit, gc);
            System.out.println("    " + JobTimeline.summary(jobs));
            if (listJobs) {
                jobs.forEach(job -> System.out.printf(Locale.ROOT,
                        "    job %3d %-12s after %4d ms: %5d ms (stages %s ms, tasks %5d ms) %s%n",
                        job.id(), job.stage(), job.gapMs(), job.wallMs(), job.stageMs(), job.taskMs(),
                        job.callSite()));
            }
            return new double[] {wall, outside};
        } finally {
            deleteTree(out);
        }
    }

    /** The manifest's stage times in milliseconds, in the order the run recorded them. */
    private static String stages(JsonNode timings) {
        StringBuilder line = new StringBuilder();
        timings.fields().forEachRemaining(e -> line.append(line.length() == 0 ? "" : ", ")
                .append(e.getKey()).append(' ').append(e.getValue().asLong()));
        return line.append(" ms").toString();
    }

    /** A temporary directory holding {@code copies} copies of {@code image}, in frame order. */
    private Path seriesOf(int copies, Path image) throws IOException {
        Path dir = Files.createTempDirectory("symseg-series-");
        temporary.add(dir);
        String name = image.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.'));
        for (int i = 0; i < copies; i++) {
            Files.copy(image, dir.resolve(String.format(Locale.ROOT, "frame_%03d%s", i, extension)));
        }
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
