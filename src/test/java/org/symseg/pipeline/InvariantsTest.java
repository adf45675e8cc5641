package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.testing.Cli;
import org.symseg.testing.Labels;

/** Tiling invariance, determinism and stable labels (DESIGN.md, Invariants). */
class InvariantsTest {

    private static final String SINGLE = "test-data/two-phase.tif";
    private static final String SERIES = "test-data/two-phase-series.tif";

    private static Path segment(Path out, String... extra) {
        String[] args = new String[5 + extra.length];
        args[0] = "segment";
        args[1] = SINGLE;
        args[2] = SERIES;
        args[3] = "--out";
        args[4] = out.toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        Cli run = Cli.run(args);
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    @Test
    void labelsDoNotDependOnTileSize(@TempDir Path dir) throws IOException {
        Path reference = segment(dir.resolve("tile-1000"), "--tile", "1000");
        for (String tile : new String[] {"23", "64", "150"}) {
            Path other = segment(dir.resolve("tile-" + tile), "--tile", tile);
            for (String name : new String[] {"two-phase", "two-phase-series"}) {
                List<int[]> expected = Labels.read(reference.resolve(name).resolve("labels.tif"));
                List<int[]> actual = Labels.read(other.resolve(name).resolve("labels.tif"));
                assertEquals(expected.size(), actual.size());
                for (int f = 0; f < expected.size(); f++) {
                    assertArrayEquals(expected.get(f), actual.get(f), name + " frame " + f + " tile " + tile);
                }
            }
        }
    }

    /** A positional fit sample is the same points whatever the tiling, so the same labels. */
    @Test
    void fitSampleIsIndependentOfTiling(@TempDir Path dir) throws IOException {
        Path a = segment(dir.resolve("a"), "--fit-sample", "400", "--tile", "1000");
        Path b = segment(dir.resolve("b"), "--fit-sample", "400", "--tile", "41");
        for (String name : new String[] {"two-phase", "two-phase-series"}) {
            assertEquals(-1L, Files.mismatch(a.resolve(name).resolve("labels.tif"),
                    b.resolve(name).resolve("labels.tif")), name);
        }
        List<int[]> labels = Labels.read(a.resolve("two-phase").resolve("labels.tif"));
        double accuracy = Labels.matchedAccuracy(labels,
                Labels.read(Path.of("test-data", "truth", "two-phase.tif")), 2);
        assertTrue(accuracy >= 0.95, "accuracy with a 400-point fit sample " + accuracy);
    }

    @Test
    void twoRunsWriteIdenticalLabelFiles(@TempDir Path dir) throws IOException {
        Path first = segment(dir.resolve("first"));
        Path second = segment(dir.resolve("second"));
        for (String name : new String[] {"two-phase", "two-phase-series"}) {
            assertEquals(-1L, Files.mismatch(first.resolve(name).resolve("labels.tif"),
                    second.resolve(name).resolve("labels.tif")), name + " labels differ between runs");
        }
    }

    /** One model per run: the square lattice has one label number in every frame of every file. */
    @Test
    void aPatternKeepsItsLabelAcrossFramesAndFiles(@TempDir Path dir) throws IOException {
        Path out = segment(dir);
        Integer squareLabel = null;
        for (String name : new String[] {"two-phase", "two-phase-series"}) {
            List<int[]> labels = Labels.read(out.resolve(name).resolve("labels.tif"));
            List<int[]> truth = Labels.read(Path.of("test-data", "truth", name + ".tif"));
            for (int f = 0; f < labels.size(); f++) {
                int label = majorityLabel(labels.get(f), truth.get(f), 0);
                if (squareLabel == null) {
                    squareLabel = label;
                }
                assertEquals(squareLabel, label, name + " frame " + f);
                assertEquals(1 - squareLabel, majorityLabel(labels.get(f), truth.get(f), 1),
                        name + " frame " + f);
            }
        }
    }

    private static int majorityLabel(int[] labels, int[] truth, int truthClass) {
        int[] votes = new int[2];
        for (int i = 0; i < labels.length; i++) {
            if (truth[i] == truthClass) {
                votes[labels[i]]++;
            }
        }
        return votes[0] >= votes[1] ? 0 : 1;
    }
}
