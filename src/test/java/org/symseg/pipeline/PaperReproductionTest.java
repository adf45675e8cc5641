package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.image.PixelType;
import org.symseg.image.Rect;
import org.symseg.image.TiffFrameReader;
import org.symseg.image.TiffWriter;
import org.symseg.testing.Cli;
import org.symseg.testing.CoarseMask;
import org.symseg.testing.Labels;

/**
 * The paper's results, reproduced: on the real HAADF-STEM images in {@code ../shared/data/}
 * (scored against coarse masks drawn by eye, in {@code src/test/resources/masks/}) and, for its
 * Fig. 6, on the synthetic grain boundary. Every run uses k = 2.
 *
 * <p>Thresholds: the masks are right to within the margin they leave unscored, so a correct
 * segmentation scores well above 0.9, while one label everywhere scores the larger class's share
 * (printed with each result; 0.6 to 0.9) and a split along other contrast lands in between.
 * Measured values are in the README.
 */
class PaperReproductionTest {

    private static final Path DATA = Path.of("..", "shared", "data");
    private static final Path GRAIN_BOUNDARY = Path.of("test-data", "grain-boundary.tif");

    private static final Rect HEA_CROP = new Rect(400, 300, 512, 512);

    /** Labels of the HEA crop (written into dir) segmented with these options. */
    private static int[] segmentHeaCrop(Path dir, String... options) throws IOException {
        Path crop = dir.resolve("hea-crop.tif");
        float[] pixels = new TiffFrameReader().read(DATA.resolve("hea-twins.tif").toString(), 0,
                HEA_CROP);
        try (var stream = java.nio.file.Files.newOutputStream(crop)) {
            TiffWriter.write(stream, List.of(TiffWriter.grey(pixels, HEA_CROP.width(),
                    HEA_CROP.height(), PixelType.UINT16)));
        }
        return segment(crop, dir.resolve("out"), options);
    }

    private static CoarseMask heaCropMask() throws IOException {
        return CoarseMask.load("/masks/hea-twins.txt")
                .crop(HEA_CROP.x(), HEA_CROP.y(), HEA_CROP.width(), HEA_CROP.height());
    }

    private static int[] segment(Path image, Path out, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("segment", image.toString(), "--out",
                out.toString(), "--k", "2"));
        args.addAll(List.of(options));
        Cli run = Cli.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        String name = image.getFileName().toString().replace(".tif", "");
        return Labels.read(out.resolve(name).resolve("labels.tif")).get(0);
    }

    private static double scored(String what, CoarseMask mask, int[] labels) {
        assertTrue(mask.oneLabelAccuracy() < 1, "the mask scores pixels of one class only");
        double accuracy = mask.matchedAccuracy(labels, 2);
        System.out.printf("paper reproduction, %s: matched accuracy %.4f over %.0f%% of the image "
                + "(one label everywhere: %.3f)%n", what, accuracy, 100 * mask.scoredFraction(),
                mask.oneLabelAccuracy());
        return accuracy;
    }

    /** Paper Fig. 4: the band of the second phase is one pattern, the rest the other. */
    @Test
    void feNbBandIsOnePatternWithTranslationDescriptors(@TempDir Path out) throws IOException {
        int[] labels = segment(DATA.resolve("fenb-mu-laves.tif"), out, "--descriptor", "translation",
                "--window", "20");
        double accuracy = scored("Fe-Nb, translation", CoarseMask.load("/masks/fenb-mu-laves.txt"),
                labels);
        assertTrue(accuracy >= 0.95, "Fe-Nb band: " + accuracy);
        // paper, Fig. 5: the feature of largest variance, PC1, also separates the phases best
        List<String[]> rows = FisherDiagnosticsTest.rows(out);
        double pc1 = Double.parseDouble(rows.stream().filter(r -> r[2].equals("\"PC1\"")).findFirst()
                .orElseThrow()[4]);
        double bestChannel = rows.stream().filter(r -> r[0].equals("channel"))
                .mapToDouble(r -> Double.parseDouble(r[4])).max().orElseThrow();
        System.out.printf("Fe-Nb separability: PC1 %.3f, best channel %.3f%n", pc1, bestChannel);
        assertTrue(pc1 >= bestChannel, "PC1 " + pc1 + " separates less than a channel " + bestChannel);
    }

    @Test
    void heaTwinsSeparateFromMatrixWithTranslationDescriptors(@TempDir Path out) throws IOException {
        int[] labels = segment(DATA.resolve("hea-twins.tif"), out, "--descriptor", "translation",
                "--window", "20");
        double accuracy = scored("HEA twins, translation", CoarseMask.load("/masks/hea-twins.txt"),
                labels);
        assertTrue(accuracy >= 0.9, "HEA twins, translation: " + accuracy);
    }

    /**
     * Reflection descriptors see orientation: the twins part from the matrix (paper, data README).
     * On a 512 x 512 crop that holds both lamellae and matrix between and beside them: the whole
     * image takes about 40 s of descriptors on two cores, the crop a quarter of that. The lattice
     * fringes are about 4 px apart, so a radius of 10 and a pooling window of 9 px (two to three
     * unit cells across the patch, about one in the window) suit it.
     */
    @Test
    void heaTwinsSeparateFromMatrixWithReflectionDescriptors(@TempDir Path dir) throws IOException {
        int[] labels = segmentHeaCrop(dir, "--descriptor", "reflection", "--radius", "10",
                "--pool", "9");
        double accuracy = scored("HEA twins (crop), reflection", heaCropMask(), labels);
        assertTrue(accuracy >= 0.9, "HEA twins, reflection: " + accuracy);
    }

    /**
     * At issue 7's reference settings on the whole image, the reflection descriptor on grids
     * turned to its mirrors finds the twins as the pixel-grid descriptor it replaced did: 0.981
     * against the mask, the pixel grid 0.982 (BENCHMARKS.md).
     */
    @Test
    void heaTwinsSeparateFromMatrixByReflectionAtTheReferenceSettings(@TempDir Path out) throws IOException {
        int[] labels = segment(DATA.resolve("hea-twins.tif"), out, "--descriptor", "reflection",
                "--radius", "20", "--pool", "41");
        double accuracy = scored("HEA twins, reflection, radius 20, pool 41", CoarseMask.load("/masks/hea-twins.txt"),
                labels);
        assertTrue(accuracy >= 0.95, "HEA twins, reflection: " + accuracy);
    }

    /**
     * A disk sampled every third pixel ({@code --sample-step 3}) is an estimate, not the method's
     * scores; it still has to find what the exact disk finds: the Fe-Nb band by rotation, 0.9999
     * against the mask here, the exact disk 1.0000 (BENCHMARKS.md).
     */
    @Test
    void aSampledDiskStillFindsTheFeNbBandByRotation(@TempDir Path out) throws IOException {
        int[] labels = segment(DATA.resolve("fenb-mu-laves.tif"), out, "--descriptor", "rotation",
                "--radius", "20", "--pool", "41", "--pca", "4", "--sample-step", "3");
        double accuracy = scored("Fe-Nb, rotation, sample step 3", CoarseMask.load("/masks/fenb-mu-laves.txt"),
                labels);
        assertTrue(accuracy >= 0.95, "Fe-Nb, rotation, sample step 3: " + accuracy);
    }

    /**
     * Rotation descriptors do not see orientation, so they do not tell the twins (the matrix
     * turned) from the matrix; they split along other contrast (twin boundaries, the moire) instead.
     */
    @Test
    void heaTwinsAndMatrixLookAlikeToRotationDescriptors(@TempDir Path dir) throws IOException {
        int[] labels = segmentHeaCrop(dir, "--descriptor", "rotation", "--radius", "10",
                "--pool", "9", "--pca", "3");
        double accuracy = scored("HEA twins (crop), rotation", heaCropMask(), labels);
        assertTrue(accuracy < 0.75, "rotation descriptors should not separate the twins: " + accuracy);
    }

    /** Paper Fig. 6b: reflection descriptors follow the orientation and split the two grains. */
    @Test
    void reflectionDescriptorsSplitMisorientedGrains(@TempDir Path out) throws IOException {
        int[] labels = segment(GRAIN_BOUNDARY, out, "--descriptor", "reflection", "--pool", "13",
                "--pca", "3", "--stride", "4");
        double accuracy = Labels.matchedAccuracy(List.of(labels),
                Labels.read(Path.of("test-data", "truth", "grain-boundary.tif")), 2);
        System.out.printf("paper reproduction, grain boundary, reflection: matched accuracy %.4f%n",
                accuracy);
        assertTrue(accuracy >= 0.95, "grains by reflection: " + accuracy);
    }

    /** Paper Fig. 6c: rotation descriptors give both grains one label and the boundary another. */
    @Test
    void rotationDescriptorsGroupTheGrainsAndIsolateTheBoundary(@TempDir Path out)
            throws IOException {
        int[] labels = segment(GRAIN_BOUNDARY, out, "--descriptor", "rotation", "--pool", "13",
                "--pca", "3", "--stride", "4");
        CoarseMask mask = CoarseMask.load("/masks/grain-boundary-rotation.txt");
        double accuracy = scored("grain boundary, rotation", mask, labels);
        // the band is a few percent of the image: also ask that most of it is found
        double balanced = mask.balancedAccuracy(labels, 2);
        System.out.printf("paper reproduction, grain boundary, rotation: balanced accuracy %.4f%n",
                balanced);
        assertTrue(accuracy >= 0.95, "boundary by rotation: " + accuracy);
        assertTrue(balanced >= 0.9, "boundary by rotation, balanced: " + balanced);
    }
}
