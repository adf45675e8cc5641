package org.symseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.testing.Cli;
import org.symseg.testing.TestImages;

/** Bad inputs are named with a reason, one line each, and never stop the good ones. */
class BadInputTest {

    @Test
    void eachBadInputGetsOneLineAndTheGoodOneStillFinishes(@TempDir Path dir, @TempDir Path out)
            throws IOException {
        // all inputs in one directory, so each output is named by its file name alone
        Path good = Files.copy(Path.of("test-data", "two-phase.tif"), dir.resolve("two-phase.tif"));
        Path missing = dir.resolve("missing.tif");
        Path text = Files.writeString(dir.resolve("notes.tif"), "these are notes, not an image\n");
        Path empty = Files.createFile(dir.resolve("empty.tif"));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.tif"), Arrays.copyOf(bytes, bytes.length / 2));
        Path tiny = dir.resolve("tiny.tif");
        TestImages.crop(good, tiny, 60);

        Cli run = Cli.run("segment", missing.toString(), text.toString(), good.toString(),
                empty.toString(), truncated.toString(), tiny.toString(), "--out", out.toString(),
                "--quiet");

        assertEquals(Main.INPUT_FAILED, run.exitCode());
        Map<Path, String> expected = Map.of(missing, "no such file", text, "not a TIFF image",
                empty, "empty file", truncated, "truncated or corrupt TIFF",
                tiny, "smaller than the descriptor's reach");
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(expected.size(), lines.size(), run.err());
        expected.forEach((path, reason) -> assertTrue(lines.stream().anyMatch(
                l -> l.contains(path.toString() + ": ") && l.contains(reason)),
                "no line for " + path + " saying '" + reason + "' in:\n" + run.err()));
        assertFalse(run.err().contains("\tat ") || run.out().contains("\tat "), "stack trace shown");

        assertTrue(Files.size(out.resolve("two-phase").resolve("labels.tif")) > 0);
        assertTrue(Files.size(out.resolve("two-phase").resolve("overlay.png")) > 0);
        try (Stream<Path> entries = Files.list(out)) {
            assertEquals(List.of("diagnostics", "failures.json", "manifest.json", "model", "report.html",
                    "stats", "two-phase"),
                    entries.map(p -> p.getFileName().toString()).sorted().toList(),
                    "only finished outputs carry a name in the output directory");
        }
        String manifest = Files.readString(out.resolve("manifest.json"));
        String failures = Files.readString(out.resolve("failures.json"));
        for (Path path : expected.keySet()) {
            assertTrue(manifest.contains(path.toString()), "manifest lacks " + path);
            assertTrue(failures.contains(path.toString()), "failures.json lacks " + path);
        }
    }

    @Test
    void anInputFailingInTheDescriptorJobLeavesTheModelAsIfNeverGiven(@TempDir Path dir,
            @TempDir Path out, @TempDir Path alone) throws IOException {
        // a 16-bit file needs no value-range pass, so its bad strips are first read, and found
        // bad, by the descriptor job, which also sums the fit's covariance; in small tiles, those
        // above the bad strips succeed, and must not count
        Path good = Files.copy(Path.of("test-data", "two-phase.tif"), dir.resolve("two-phase.tif"));
        Path whole = TestImages.crop(good, dir.resolve("whole16.tif"), 200);
        byte[] bytes = Files.readAllBytes(whole);
        // the JDK's writer puts the directory first, then the LZW strips from top to bottom
        Arrays.fill(bytes, bytes.length * 85 / 100, bytes.length * 95 / 100, (byte) 0xff);
        Path bad = Files.write(dir.resolve("bad16.tif"), bytes);

        Cli both = Cli.run("segment", good.toString(), bad.toString(), "--out", out.toString(),
                "--tile", "64", "--quiet");
        Cli one = Cli.run("segment", good.toString(), "--out", alone.toString(), "--tile", "64",
                "--quiet");

        assertEquals(Main.INPUT_FAILED, both.exitCode(), both.err());
        assertTrue(both.err().contains(bad + ": "), both.err());
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(modelHash(alone), modelHash(out));
        assertEquals(Files.readString(alone.resolve("two-phase").resolve("result.json"))
                .replaceAll("\"path\" : \"[^\"]*\"", ""),
                Files.readString(out.resolve("two-phase").resolve("result.json"))
                        .replaceAll("\"path\" : \"[^\"]*\"", ""));
    }

    private static String modelHash(Path out) throws IOException {
        String manifest = Files.readString(out.resolve("manifest.json"));
        java.util.regex.Matcher hash = java.util.regex.Pattern
                .compile("\"hash\" : \"([0-9a-f]+)\"").matcher(manifest);
        assertTrue(hash.find(), manifest);
        return hash.group(1);
    }
}
