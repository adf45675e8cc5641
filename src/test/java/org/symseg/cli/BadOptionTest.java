package org.symseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad option value is refused before Spark starts. Run in a separate JVM that has no Spark
 * module openings, so starting Spark there could not even succeed quietly.
 */
class BadOptionTest {

    @ParameterizedTest
    @CsvSource({"--k, 0", "--stride, 0", "--patch, -1", "--pca, 500", "--shifts, 0", "--tile, 0",
        "--descriptor, fourier", "--descriptor, 'rotation,rotation'", "--radius, 0", "--pool, 30",
        "--angles, '60,x'", "--angles, 360", "--mirrors, 0", "--select-best, 3", "--k, many",
        "--k-max, 1", "--sample-step, 2", "--sample-step, 21"})
    void badValueIsNamedInOneLineAndNothingRuns(String option, String value, @TempDir Path out)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "segment", "test-data/two-phase.tif", "--out", out.toString(),
                option, value));
        Process process = new ProcessBuilder(command).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(Main.USAGE, process.waitFor(), stderr);
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), stderr);
        assertTrue(lines.get(0).startsWith("symseg: " + option + " " + value + ": "), stderr);
        assertEquals("", stdout);
        assertTrue(!out.resolve("manifest.json").toFile().exists(), "a run happened");
    }
}
