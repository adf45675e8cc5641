package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.config.ConfigLoader;
import org.symseg.dataset.InputSource;
import org.symseg.testing.Cli;
import org.symseg.testing.SharedSpark;
import org.symseg.testing.TestImages;

/** Progress lines: one redrawn line on a terminal, plain lines otherwise. */
class ProgressTest {

    /**
     * 160 x 160 pixels hold 16 x 16 stride points: with 40-pixel tiles (8 x 8 points), 4 tiles,
     * or 2 twice as wide on a Spark of 2 cores (RunPlan#forCores).
     */
    private static Path smallImage(Path dir) throws IOException {
        return TestImages.crop(Path.of("test-data/two-phase.tif"), dir.resolve("small.tif"), 160);
    }

    @Test
    void onATerminalEachStageEndsAsOneRedrawnLine(@TempDir Path dir) throws IOException {
        Path image = smallImage(dir);
        StringWriter err = new StringWriter();
        SegmentJob.Report report = SegmentJob.run(SharedSpark.context(), new SegmentJob.Request(
                SegmentJob.Mode.SEGMENT, List.of(InputSource.file(image.toString()).named("small")),
                List.of(), dir.resolve("out").toString(), null, null,
                ConfigLoader.load(null, Map.of("tile", "40")), false,
                RunProgress.to(new PrintWriter(err), true)));
        assertTrue(report.ok(), report.failures().toString());
        // split on newlines only: String.lines() would also split at the carriage returns
        List<String> lines = List.of(err.toString().split("\n"));
        assertEquals(3, lines.size(), err.toString());
        for (String line : lines) {
            assertTrue(line.startsWith("\r"), "every draw starts at the line's beginning: " + line);
        }
        String finalDraws = lines.stream().map(l -> l.substring(l.lastIndexOf('\r') + 1).strip())
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertTrue(finalDraws.matches("(?s)symseg: descriptors ([24])/\\1 tiles, [0-9.]+ s\n"
                + "symseg: fit on the driver, [0-9.]+ s\n"
                + "symseg: apply \\1/\\1 tiles, write 1/1 inputs, [0-9.]+ s"), finalDraws);
    }

    @Test
    void elsewherePlainLinesOnlyAndQuietMeansNone(@TempDir Path dir) throws IOException {
        Path image = smallImage(dir);
        // tests run without a console, as a job whose stderr goes to a log file does
        Cli run = Cli.run("segment", image.toString(), "--out", dir.resolve("out").toString(),
                "--tile", "40");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("\r"), run.err());
        assertTrue(run.err().matches("(?s).*symseg: descriptors ([24])/\\1 tiles, .*"
                + "symseg: apply \\1/\\1 tiles, write 1/1 inputs, .*"), run.err());

        Cli quiet = Cli.run("apply", image.toString(), "--model", dir.resolve("out/model").toString(),
                "--out", dir.resolve("again").toString(), "--quiet");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("", quiet.err());
    }
}
