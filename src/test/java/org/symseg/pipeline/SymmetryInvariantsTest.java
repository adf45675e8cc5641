package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.testing.Cli;
import org.symseg.testing.Labels;

/**
 * Tiling invariance and determinism (DESIGN.md, Invariants) for the rotation and reflection
 * descriptors, pooled and combined with translation. Small radius and pool keep it quick; the
 * halo is then radius + 1 + pool / 2 = 14 px, tiles down to 35 px of core.
 */
class SymmetryInvariantsTest {

    private static Path segment(Path out, String tile) {
        Cli run = Cli.run("segment", "test-data/grain-boundary.tif", "--out", out.toString(),
                "--descriptor", "rotation,reflection,translation", "--radius", "8", "--pool", "11",
                "--mirrors", "6", "--shifts", "30", "--window", "6", "--patch", "6", "--tile", tile);
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    @Test
    void labelsAndDiagnosticsDoNotDependOnTilingAndRepeatExactly(@TempDir Path dir) throws IOException {
        Path reference = segment(dir.resolve("whole"), "1000");
        Path again = segment(dir.resolve("again"), "1000");
        for (String tile : new String[] {"35", "96"}) {
            Path tiled = segment(dir.resolve("tile-" + tile), tile);
            assertArrayEquals(Labels.read(reference.resolve("grain-boundary").resolve("labels.tif")).get(0),
                    Labels.read(tiled.resolve("grain-boundary").resolve("labels.tif")).get(0),
                    "tile " + tile);
            assertEquals(-1L, Files.mismatch(reference.resolve("diagnostics").resolve("fisher.csv"),
                    tiled.resolve("diagnostics").resolve("fisher.csv")), "fisher.csv, tile " + tile);
        }
        for (String file : new String[] {"grain-boundary/labels.tif", "diagnostics/fisher.csv",
            "diagnostics/fisher.png"}) {
            assertEquals(-1L, Files.mismatch(reference.resolve(file), again.resolve(file)),
                    file + " differs between two runs");
        }
    }
}
