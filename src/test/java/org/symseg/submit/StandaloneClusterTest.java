package org.symseg.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.testing.ClassesJar;
import org.symseg.testing.Cli;
import org.symseg.testing.OutputTrees;
import org.symseg.testing.Shell;

/**
 * symseg submitted with {@code submit/spark-submit.sh} to a real Spark standalone cluster on
 * loopback ({@code submit/local-cluster.sh}: a master and two workers in their own JVMs, which
 * launch executor JVMs) writes the same label maps, byte for byte, as a local run.
 *
 * <p>The test phase comes before {@code package}, so there is no {@code symseg-cluster.jar} yet.
 * The test submits what package would put into it instead: a jar of {@code target/classes}, and
 * symseg's own dependencies (listed by every build in {@code target/app-classpath.txt}) through
 * {@code --jars}, so they reach the executors by submission as the uber jar's contents would.
 * The cluster's classpath holds Spark alone, as a real cluster's does. spark-submit.sh is made to
 * use the project's own Spark, whatever Spark this machine may have installed.
 */
class StandaloneClusterTest {

    private static final Path STATE = Path.of("target/test-cluster").toAbsolutePath();
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(4);
    private static final List<String> INPUTS = List.of("two-phase", "two-phase-series");

    private static String masterUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        deleteTree(STATE.resolve("scripts")); // the scripts' output of an earlier run
        Shell started = Shell.run(Map.of(), SCRIPT_TIMEOUT, STATE.resolve("scripts"),
                "submit/local-cluster.sh", "start", "--dir", STATE.toString(),
                "--workers", "2", "--cores", "1", "--memory", "1g",
                "--stop-with", Long.toString(ProcessHandle.current().pid()));
        assertEquals(0, started.exitCode(), started.output());
        masterUrl = started.outLines().get(started.outLines().size() - 1);
        assertTrue(masterUrl.startsWith("spark://127.0.0.1:"), started.output());
        System.out.println(started.err().strip());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        Shell stopped = Shell.run(Map.of(), SCRIPT_TIMEOUT, STATE.resolve("scripts"),
                "submit/local-cluster.sh", "stop", "--dir", STATE.toString());
        assertEquals(0, stopped.exitCode(), stopped.output());
        List<String> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("-Dsymseg.local-cluster=" + STATE))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
        assertEquals(List.of(), left, "processes of the cluster still running after stop");
        Shell status = Shell.run(Map.of(), SCRIPT_TIMEOUT, STATE.resolve("scripts"),
                "submit/local-cluster.sh", "status", "--dir", STATE.toString());
        assertEquals(3, status.exitCode(), "status of a stopped cluster: " + status.output());
    }

    @Test
    void statusNamesMasterAndWorkers() throws Exception {
        Shell status = Shell.run(Map.of(), SCRIPT_TIMEOUT, STATE.resolve("scripts"),
                "submit/local-cluster.sh", "status", "--dir", STATE.toString());
        assertEquals(0, status.exitCode(), status.output());
        assertTrue(status.out().startsWith("master  " + masterUrl), status.out());
        assertEquals(2, status.outLines().stream().filter(l -> l.matches("worker-\\d+  pid \\d+ .*")).count(),
                status.out());
    }

    @Test
    void segmentationOnClusterEqualsLocalRun(@TempDir Path dir) throws Exception {
        // relative, as a user types them: executors run in their own directories on the workers
        List<String> inputs = INPUTS.stream().map(name -> "test-data/" + name + ".tif").toList();
        Path onCluster = dir.resolve("cluster");
        Shell submitted = submit(dir, inputs, onCluster);
        assertEquals(0, submitted.exitCode(), submitted.output());
        assertTrue(submitted.out().contains("2 written, 0 skipped, 0 failed"), submitted.output());

        Map<?, ?> manifest = new ObjectMapper().readValue(onCluster.resolve("manifest.json").toFile(), Map.class);
        assertEquals(masterUrl, manifest.get("master"), "the run's master");
        for (String worker : List.of("worker-1", "worker-2")) {
            assertTrue(hasAppDirectory(STATE.resolve("work").resolve(worker)),
                    worker + " launched no executor for the run");
        }

        Path local = dir.resolve("local");
        List<String> localArgs = new ArrayList<>(List.of("segment"));
        localArgs.addAll(inputs);
        localArgs.addAll(List.of("--out", local.toString()));
        Cli reference = Cli.run(localArgs.toArray(String[]::new));
        assertEquals(0, reference.exitCode(), reference.err());

        // driver, executors and the local run are separate JVMs: every result the same bytes
        OutputTrees.assertSameResults(local, onCluster, "between the cluster run and the local run");
        // the submission's spark.hadoop.* umask reached the driver and the executors' own writes
        assertEquals("rw-r-----", mode(onCluster.resolve("manifest.json")), "written by the driver");
        assertEquals("rw-r-----", mode(onCluster.resolve("two-phase/labels.tif")), "written by an executor");
        assertEquals("rwxr-x---", mode(onCluster.resolve("two-phase")), "made by an executor");
        assertEquals("rw-r--r--", mode(local.resolve("two-phase/labels.tif")), "the local run's default");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Shell submit(Path dir, List<String> inputs, Path out) throws Exception {
        Path jar = ClassesJar.write(Path.of("target/classes"), dir.resolve("symseg-classes.jar"));
        String dependencies = Files.readString(Path.of("target/app-classpath.txt")).strip()
                .replace(java.io.File.pathSeparatorChar, ',');
        Map<String, String> env = new HashMap<>();
        env.put("SYMSEG_JAR", jar.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1"); // the driver too stays on loopback
        env.put("SPARK_SUBMIT", null);
        env.put("SPARK_HOME", null);
        env.put("SPARK_CONF_DIR", null);
        env.put("PATH", Shell.pathWithout("spark-submit"));
        List<String> command = new ArrayList<>(List.of("submit/spark-submit.sh", "--master", masterUrl,
                "--jars", dependencies, "--executor-memory", "1g",
                "--conf", "spark.hadoop.fs.permissions.umask-mode=027", "--", "segment"));
        command.addAll(inputs);
        command.addAll(List.of("--out", out.toString()));
        return Shell.run(env, SCRIPT_TIMEOUT, STATE.resolve("scripts"), command.toArray(String[]::new));
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static boolean hasAppDirectory(Path workDir) throws IOException {
        if (!Files.isDirectory(workDir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(workDir)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("app-"));
        }
    }
}
