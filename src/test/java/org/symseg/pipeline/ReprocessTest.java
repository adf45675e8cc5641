package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.synth.Preset;
import org.symseg.testing.Cli;
import org.symseg.testing.TestImages;

/** Scheduled reprocessing: only what changed is redone. */
class ReprocessTest {

    private static Cli segment(Path data, Path out, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "segment";
        args[1] = data.toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        Cli run = Cli.run(args);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return run;
    }

    private static List<String> lines(Cli run, String status) {
        return run.out().lines().filter(l -> l.startsWith(status)).toList();
    }

    @Test
    void onlyTheChangedInputIsRedone(@TempDir Path data, @TempDir Path out) throws IOException {
        for (int i = 1; i <= 3; i++) {
            TestImages.preset(data.resolve("scan" + i + ".tif"), Preset.TWO_PHASE, i);
        }
        Cli first = segment(data, out);
        assertEquals(3, lines(first, "ok").size(), first.out());
        Map<String, FileTime> written = Map.of(
                "scan1", Files.getLastModifiedTime(out.resolve("scan1/labels.tif")),
                "scan3", Files.getLastModifiedTime(out.resolve("scan3/labels.tif")));

        Cli again = segment(data, out);
        assertEquals(3, lines(again, "skipped").size(), again.out());
        assertTrue(again.out().contains("model reused"), again.out());

        TestImages.preset(data.resolve("scan2.tif"), Preset.TWO_PHASE, 99);
        Files.setLastModifiedTime(data.resolve("scan3.tif"), FileTime.fromMillis(1_000_000_000L));
        Cli changed = segment(data, out);
        assertEquals(List.of("ok       " + data.resolve("scan2.tif")),
                lines(changed, "ok").stream().map(l -> l.substring(0, l.indexOf(" ->"))).toList());
        assertTrue(changed.out().contains("skipped  " + data.resolve("scan1.tif") + ": unchanged"),
                changed.out());
        assertTrue(changed.out().contains("skipped  " + data.resolve("scan3.tif")
                + ": unchanged (same content, new timestamp)"), changed.out());
        written.forEach((name, time) -> {
            try {
                assertEquals(time, Files.getLastModifiedTime(out.resolve(name).resolve("labels.tif")), name);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        String stats = Files.readString(out.resolve("stats/fractions.csv"));
        assertEquals(4, stats.lines().count(), "header and one row per frame of all three inputs:\n" + stats);

        Cli forced = segment(data, out, "--force");
        assertEquals(3, lines(forced, "ok").size(), forced.out());
        assertTrue(forced.out().contains("model fitted"), forced.out());
    }

    @Test
    void changedSettingsRedoEverything(@TempDir Path data, @TempDir Path out) throws IOException {
        TestImages.preset(data.resolve("one.tif"), Preset.TWO_PHASE, 5);
        segment(data, out);
        Cli reseeded = segment(data, out, "--seed", "7");
        assertEquals(1, lines(reseeded, "ok").size(), reseeded.out());
        assertTrue(reseeded.out().contains("model fitted"), reseeded.out());
    }
}
