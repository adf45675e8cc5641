package org.symseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad option value, or a command line that does not parse, is refused in one line before Spark
 * starts. Run in a separate JVM that has no Spark module openings, so starting Spark there could
 * not even succeed quietly.
 */
class BadOptionTest {

    @ParameterizedTest
    @CsvSource({"--k, 0", "--stride, 0", "--patch, -1", "--pca, 500", "--shifts, 0", "--tile, 0",
        "--descriptor, fourier", "--descriptor, 'rotation,rotation'", "--radius, 0", "--pool, 30",
        "--angles, '60,x'", "--angles, 360", "--mirrors, 0", "--select-best, 3", "--k, many",
        "--k-max, 1", "--sample-step, 2", "--sample-step, 21"})
    void badValueIsNamedInOneLineAndNothingRuns(String option, String value, @TempDir Path out)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "segment", "test-data/two-phase.tif", "--out", out.toString(),
                option, value));
        String line = refusedInOneLine(command, out);
        assertTrue(line.startsWith("symseg: " + option + " " + value + ": "), line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus                  | Unknown option: '--bogus'",
        "--stride x               | '--stride'",
        "--out                    | Missing required parameter for option '--out'"})
    void unparsableCommandLineIsNamedInOneLine(String extra, String named, @TempDir Path out)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "segment", "test-data/two-phase.tif", "--out", out.toString()));
        command.addAll(List.of(extra.split(" ")));
        String line = refusedInOneLine(command, out);
        assertTrue(line.startsWith("symseg: ") && line.contains(named)
                && line.endsWith("(symseg segment --help lists the options)"), line);
    }

    @Test
    void missingOutIsNamedInOneLine(@TempDir Path out) throws IOException, InterruptedException {
        String line = refusedInOneLine(List.of(java(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "segment", "test-data/two-phase.tif"), out);
        assertTrue(line.startsWith("symseg: Missing required option: '--out=DIR'"), line);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Runs the command and returns its one line on stderr, checking that nothing ran. */
    private static String refusedInOneLine(List<String> command, Path out) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(Main.USAGE, process.waitFor(), stderr);
        // the JVM's own notice of options taken from the environment is not symseg's to print
        List<String> lines = stderr.lines().filter(l -> !l.isBlank() && !l.startsWith("Picked up ")).toList();
        assertEquals(1, lines.size(), stderr);
        assertEquals("", stdout);
        assertTrue(!out.resolve("manifest.json").toFile().exists(), "a run happened");
        return lines.get(0);
    }
}
