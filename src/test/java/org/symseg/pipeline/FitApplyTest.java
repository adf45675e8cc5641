package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.cli.Main;
import org.symseg.testing.Cli;

/** A saved model segments new runs with the labels of the run that fitted it. */
class FitApplyTest {

    private static final String[] INPUTS = {"test-data/two-phase.tif", "test-data/two-phase-series.tif"};

    private static Cli ok(Cli run) {
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return run;
    }

    private static String[] args(String command, String[] inputs, String... rest) {
        String[] all = new String[1 + inputs.length + rest.length];
        all[0] = command;
        System.arraycopy(inputs, 0, all, 1, inputs.length);
        System.arraycopy(rest, 0, all, 1 + inputs.length, rest.length);
        return all;
    }

    @Test
    void applyReproducesTheFittingRunsLabels(@TempDir Path dir) throws IOException {
        Path segmented = dir.resolve("segmented");
        Path model = dir.resolve("model");
        Path applied = dir.resolve("applied");
        ok(Cli.run(args("segment", INPUTS, "--out", segmented.toString())));
        ok(Cli.run(args("fit", INPUTS, "--model", model.toString())));
        // the same fit, by 'segment' or by 'fit', is the same model, byte for byte
        assertEquals(-1L, Files.mismatch(model.resolve("model.json"),
                segmented.resolve("model").resolve("model.json")));

        Cli apply = ok(Cli.run(args("apply", INPUTS, "--model", model.toString(), "--out",
                applied.toString(), "--tile", "77")));
        assertTrue(apply.out().contains("model loaded"), apply.out());
        for (String name : new String[] {"two-phase", "two-phase-series"}) {
            assertEquals(-1L, Files.mismatch(segmented.resolve(name).resolve("labels.tif"),
                    applied.resolve(name).resolve("labels.tif")), name);
        }
        assertFalse(Files.exists(applied.resolve("model")), "apply must not fit or save a model");
    }

    /** A model fitted on the best channels only keeps reading just those when applied. */
    @Test
    void applyKeepsTheSelectedChannels(@TempDir Path dir) throws IOException {
        Path segmented = dir.resolve("segmented");
        Path applied = dir.resolve("applied");
        ok(Cli.run("segment", "test-data/two-phase.tif", "--out", segmented.toString(),
                "--select-best", "8"));
        ok(Cli.run("apply", "test-data/two-phase.tif", "--model", segmented.resolve("model").toString(),
                "--out", applied.toString()));
        assertEquals(-1L, Files.mismatch(segmented.resolve("two-phase/labels.tif"),
                applied.resolve("two-phase/labels.tif")));
    }

    @Test
    void aModelRefusesDifferentDescriptorSettingsBeforeSparkWork(@TempDir Path dir) {
        Path model = dir.resolve("model");
        ok(Cli.run("fit", "test-data/two-phase.tif", "--model", model.toString()));
        Cli refused = Cli.run("apply", "test-data/two-phase.tif", "--model", model.toString(),
                "--out", dir.resolve("out").toString(), "--patch", "10");
        assertEquals(Main.USAGE, refused.exitCode());
        assertEquals("symseg: --patch 10: the model was fitted with patch 20; descriptor settings "
                + "must match the model's", refused.err().strip());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aMissingModelIsOneLine(@TempDir Path dir) {
        Cli refused = Cli.run("apply", "test-data/two-phase.tif", "--model", dir.resolve("none").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(Main.USAGE, refused.exitCode());
        assertTrue(refused.err().strip().startsWith("symseg: --model " + dir.resolve("none")), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
    }
}
