package org.symseg.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.testing.Shell;

/**
 * What the submission scripts do with their arguments before any Spark starts: how
 * spark-submit.sh splits them and which spark-submit it picks, and the one-line errors.
 */
class SubmitScriptsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SUBMIT = "submit/spark-submit.sh";
    private static final String CLUSTER = "submit/local-cluster.sh";

    @TempDir
    Path dir;

    @Test
    void sparkOptionsBeforeTheSeparatorSymsegArgumentsAfterIt() throws Exception {
        Path recorder = recordingSparkSubmit("recorder");
        Shell run = submit(Map.of("SPARK_SUBMIT", recorder.toString()), "--master", "spark://h:7077",
                "--executor-memory", "4g", "--", "segment", "hdfs:///in", "--out", "hdfs:///out", "--k", "3");
        assertEquals(0, run.exitCode(), run.output());
        String defaults = Path.of("conf/spark-defaults.conf").toAbsolutePath().toString();
        assertEquals(List.of("recorder", "--properties-file", defaults, "--load-spark-defaults",
                "--class", "org.symseg.cli.Main", "--master", "spark://h:7077", "--executor-memory", "4g",
                jar().toString(), "segment", "hdfs:///in", "--out", "hdfs:///out", "--k", "3"), run.outLines());
    }

    @Test
    void aJarUriIsLeftForSparkToFetch() throws Exception {
        Path recorder = recordingSparkSubmit("recorder");
        Shell run = submit(Map.of("SPARK_SUBMIT", recorder.toString(),
                "SYMSEG_JAR", "local:///opt/symseg/symseg-cluster.jar"), "--", "segment", "x");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.outLines().contains("local:///opt/symseg/symseg-cluster.jar"), run.output());
    }

    @Test
    void sparkSubmitIsChosenFromTheEnvironmentFirst() throws Exception {
        Path explicit = recordingSparkSubmit("explicit");
        Path home = dir.resolve("spark");
        Files.createDirectories(home.resolve("bin"));
        Files.move(recordingSparkSubmit("from-home"), home.resolve("bin/spark-submit"));
        Path onPath = dir.resolve("path");
        Files.createDirectories(onPath);
        Files.move(recordingSparkSubmit("on-path"), onPath.resolve("spark-submit"));
        String path = onPath + ":" + System.getenv("PATH");

        Shell first = submit(Map.of("SPARK_SUBMIT", explicit.toString(), "SPARK_HOME", home.toString(),
                "PATH", path), "--", "segment", "x");
        assertEquals("explicit", first.outLines().get(0), first.output());
        Shell second = submit(Map.of("SPARK_HOME", home.toString(), "PATH", path), "--", "segment", "x");
        assertEquals("from-home", second.outLines().get(0), second.output());
        Shell third = submit(Map.of("PATH", path), "--", "segment", "x");
        assertEquals("on-path", third.outLines().get(0), third.output());
    }

    @Test
    void argumentMistakesGetOneLine() throws Exception {
        assertOneLineError(submit(Map.of(), "--master", "local[2]", "segment", "x"), "put symseg's command after --");
        assertOneLineError(submit(Map.of(), "--master", "local[2]", "--"), "no symseg command after --");
        assertOneLineError(submit(Map.of(), "--class", "x.Y", "--", "segment", "x"), "--class is set by this script");
        Shell missingJar = submit(Map.of("SYMSEG_JAR", dir.resolve("none.jar").toString()), "--", "segment", "x");
        assertOneLineError(missingJar, "SYMSEG_JAR=" + dir.resolve("none.jar") + ": no such file");
        Shell notExecutable = submit(Map.of("SPARK_SUBMIT", dir.resolve("none").toString()), "--", "segment", "x");
        assertOneLineError(notExecutable, "is not an executable file");

        assertOneLineError(cluster("start", "--workers", "0"), "--workers 0: must be a positive whole number");
        assertOneLineError(cluster("start", "--memory", "lots"), "--memory lots: must be a size");
        assertOneLineError(cluster("restart"), "unknown command restart");
    }

    @Test
    void helpNamesEveryChoice() throws Exception {
        Shell submitHelp = submit(Map.of(), "--help");
        assertEquals(0, submitHelp.exitCode());
        for (String word : List.of("SPARK_SUBMIT", "SPARK_HOME", "PATH", "SYMSEG_JAR", "spark-defaults.conf")) {
            assertTrue(submitHelp.out().contains(word), word + " in\n" + submitHelp.out());
        }
        Shell clusterHelp = cluster("--help");
        assertEquals(0, clusterHelp.exitCode());
        for (String word : List.of("start", "stop", "status", "--stop-with", "target/local-cluster")) {
            assertTrue(clusterHelp.out().contains(word), word + " in\n" + clusterHelp.out());
        }
    }

    @Test
    void aClusterNeverStartedIsNotRunning() throws Exception {
        Shell status = cluster("status", "--dir", dir.resolve("cluster").toString());
        assertEquals(3, status.exitCode(), status.output());
        assertTrue(status.out().startsWith("not running"), status.out());
        Shell stop = cluster("stop", "--dir", dir.resolve("cluster").toString());
        assertEquals(0, stop.exitCode(), stop.output());
    }

    @Test
    void clusterDriversGetTheSameModuleOpeningsAsLocalRuns() throws Exception {
        List<String> local = Files.readAllLines(Path.of("conf/java17-spark.args")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        String setting = Files.readAllLines(Path.of("conf/spark-defaults.conf")).stream()
                .filter(l -> l.startsWith("spark.driver.extraJavaOptions")).findFirst().orElseThrow();
        List<String> driver = Stream.of(setting.split("\\s+")).skip(1)
                .filter(o -> !o.equals("-XX:+IgnoreUnrecognizedVMOptions")).sorted().toList();
        assertEquals(local, driver);
    }

    /** Runs spark-submit.sh with a jar that exists, so it never builds one. */
    private Shell submit(Map<String, String> env, String... args) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("SYMSEG_JAR", jar().toString()));
        all.put("SPARK_SUBMIT", null);
        all.put("SPARK_HOME", null);
        all.putAll(env);
        String[] command = new String[args.length + 1];
        command[0] = SUBMIT;
        System.arraycopy(args, 0, command, 1, args.length);
        return Shell.run(all, TIMEOUT, dir.resolve("logs"), command);
    }

    private Shell cluster(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = CLUSTER;
        System.arraycopy(args, 0, command, 1, args.length);
        return Shell.run(Map.of(), TIMEOUT, dir.resolve("logs"), command);
    }

    private Path jar() throws Exception {
        Path jar = dir.resolve("app.jar");
        if (!Files.exists(jar)) {
            Files.createFile(jar);
        }
        return jar;
    }

    /** A stand-in spark-submit that prints its name and then each argument on its own line. */
    private Path recordingSparkSubmit(String name) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/usr/bin/env bash\necho " + name + "\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static void assertOneLineError(Shell run, String expected) {
        assertEquals(1, run.exitCode(), run.output());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).contains(expected), run.err());
    }
}
