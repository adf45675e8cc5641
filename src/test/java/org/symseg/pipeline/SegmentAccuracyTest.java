package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.symseg.image.PixelType;
import org.symseg.synth.Preset;
import org.symseg.testing.Cli;
import org.symseg.testing.Labels;
import org.symseg.testing.TestImages;

/** Segments the committed synthetic images and scores the labels against their ground truth. */
class SegmentAccuracyTest {

    private static double segmentAndScore(Path image, Path truth, int k, Path out) throws IOException {
        Cli run = Cli.run("segment", image.toString(), "--out", out.toString(), "--k", String.valueOf(k));
        assertEquals(0, run.exitCode(), run.err());
        String name = image.getFileName().toString().replace(".tif", "");
        return Labels.matchedAccuracy(Labels.read(out.resolve(name).resolve("labels.tif")),
                Labels.read(truth), k);
    }

    @ParameterizedTest
    @CsvSource({"two-phase, 2", "two-phase-series, 2", "three-grains, 3"})
    void committedTestImagesMatchTheirGroundTruth(String name, int k, @TempDir Path out)
            throws IOException {
        double accuracy = segmentAndScore(Path.of("test-data", name + ".tif"),
                Path.of("test-data", "truth", name + ".tif"), k, out);
        System.out.printf("matched accuracy %s (k=%d): %.4f%n", name, k, accuracy);
        assertTrue(accuracy >= 0.95, name + ": matched accuracy " + accuracy);
    }

    /** The same scene stored as each sample type symseg reads gives the same quality. */
    @ParameterizedTest
    @EnumSource(value = PixelType.class, names = {"UINT8", "INT16", "INT32", "FLOAT32"})
    void everySampleTypeSegments(PixelType type, @TempDir Path dir) throws IOException {
        Preset.Sample sample = Preset.TWO_PHASE.generate(7);
        float[] counts = sample.frames().get(0);
        float[] converted = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            converted[i] = switch (type) {
                case UINT8 -> Math.round(counts[i] / 257f);
                case INT16 -> counts[i] - 32768;
                case INT32 -> counts[i] * 1000 - 20_000_000;
                default -> counts[i] / 65535f * 3.5f - 1f;
            };
        }
        int w = Preset.TWO_PHASE.width();
        int h = Preset.TWO_PHASE.height();
        Path image = dir.resolve("scene.tif");
        Path truth = dir.resolve("truth.tif");
        TestImages.write(image, type, w, h, List.of(converted));
        float[] truthValues = new float[w * h];
        for (int i = 0; i < truthValues.length; i++) {
            truthValues[i] = sample.truth().get(0)[i];
        }
        TestImages.write(truth, PixelType.UINT8, w, h, List.of(truthValues));
        double accuracy = segmentAndScore(image, truth, 2, dir.resolve("out"));
        System.out.printf("matched accuracy two-phase as %s: %.4f%n", type, accuracy);
        assertTrue(accuracy >= 0.95, type + ": matched accuracy " + accuracy);
    }
}
