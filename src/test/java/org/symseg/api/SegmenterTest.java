package org.symseg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.config.ConfigException;
import org.symseg.dataset.Json;
import org.symseg.image.Rect;
import org.symseg.image.TiffFrameReader;
import org.symseg.testing.Cli;
import org.symseg.testing.Labels;

/** The library API on the committed test images, scored against their ground truth. */
class SegmenterTest {

    private static float[] pixels(String name, int size) throws IOException {
        return new TiffFrameReader().read("test-data/" + name + ".tif", 0, new Rect(0, 0, size, size));
    }

    private static double accuracy(int[] labels, String name, int classes) throws IOException {
        return Labels.matchedAccuracy(List.of(labels),
                Labels.read(Path.of("test-data/truth/" + name + ".tif")).subList(0, 1), classes);
    }

    @Test
    void segmentsTheTwoPhaseImageLikeThePipeline() throws IOException {
        int[] labels = Segmenter.builder().patterns(2).build().segment(pixels("two-phase", 320), 320, 320);
        double accuracy = accuracy(labels, "two-phase", 2);
        System.out.printf("library, two-phase: matched accuracy %.4f%n", accuracy);
        assertTrue(accuracy >= 0.95, "matched accuracy " + accuracy);
        assertEquals(0, Arrays.stream(labels).min().orElseThrow());
        assertEquals(1, Arrays.stream(labels).max().orElseThrow());
    }

    @Test
    void choosesThreePatternsForThreeGrains() throws IOException {
        int[] labels = Segmenter.builder().patterns(2, 6).build().segment(pixels("three-grains", 384), 384, 384);
        assertEquals(2, Arrays.stream(labels).max().orElseThrow(), "three patterns");
        double accuracy = accuracy(labels, "three-grains", 3);
        System.out.printf("library, three-grains, k chosen: matched accuracy %.4f%n", accuracy);
        assertTrue(accuracy >= 0.95, "matched accuracy " + accuracy);
    }

    @Test
    void selectBestRefitsOnTheChannelsThePipelineKeeps(@TempDir Path out) throws IOException {
        String[] settings = {"descriptor", "translation,reflection", "radius", "8", "pool", "13", "mirrors", "6",
            "shifts", "30", "pca", "3", "select-best", "8"};
        Segmenter.Builder builder = Segmenter.builder().patterns(2);
        List<String> cli = new ArrayList<>(List.of("segment", "test-data/two-phase.tif", "--out", out.toString()));
        for (int i = 0; i < settings.length; i += 2) {
            builder.set(settings[i], settings[i + 1]);
            cli.addAll(List.of("--" + settings[i], settings[i + 1]));
        }
        Segmenter.Segmentation result = builder.build().run(pixels("two-phase", 320), 320, 320);
        assertEquals(8, result.channels().size());
        assertEquals(2, result.patterns());
        double accuracy = accuracy(result.labels(), "two-phase", 2);
        System.out.printf("library, two-phase on the 8 best of 36 channels: matched accuracy %.4f%n", accuracy);
        assertTrue(accuracy >= 0.95, "matched accuracy " + accuracy);

        Cli run = Cli.run(cli.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        Map<?, ?> diagnostics = (Map<?, ?>) Json.read(out.resolve("manifest.json").toString(), Map.class)
                .get("diagnostics");
        assertEquals(diagnostics.get("selectedChannels"), result.channels(), "the channels the pipeline keeps");
    }

    @Test
    void badSettingsAndSmallImagesAreRefusedInOneSentence() {
        ConfigException bad = assertThrows(ConfigException.class, () -> Segmenter.builder().stride(0).build());
        assertEquals("--stride 0: must be at least 1", bad.getMessage());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> Segmenter.builder().build().segment(new float[50 * 50], 50, 50));
        assertTrue(small.getMessage().startsWith("50x50 is smaller than the descriptor's reach"), small.getMessage());
    }
}
