package org.symseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.image.ImageHeader;
import org.symseg.image.TiffFrameReader;
import org.symseg.dataset.Json;
import org.symseg.image.Rect;
import org.symseg.testing.Cli;
import org.symseg.testing.Labels;
import org.symseg.testing.VeloxFixture;

/**
 * Non-TIFF inputs go through the whole pipeline: a real DigitalMicrograph STEM image and a real
 * TIA image are segmented, their label maps have the input's size and pixel size, and a broken
 * MRC beside them is reported in one line without stopping them.
 */
class VendorFormatsSegmentTest {

    private static final Path FORMATS = Path.of("..", "shared", "data", "formats");

    @Test
    void dmAndTiaImagesSegmentWithTheirCalibration(@TempDir Path dir) throws IOException {
        // copied side by side, so each output is named by its file name alone
        Path dm = Files.copy(FORMATS.resolve("dm/test_STEM_image.dm3"), dir.resolve("test_STEM_image.dm3"));
        Path ser = Files.copy(FORMATS.resolve("tia/128x128-TEM_search_1.ser"),
                dir.resolve("128x128-TEM_search_1.ser"));
        Files.copy(FORMATS.resolve("tia/128x128-TEM_search.emi"), dir.resolve("128x128-TEM_search.emi"));
        byte[] mrc = Files.readAllBytes(FORMATS.resolve("mrc/HAADFscan.mrc"));
        ByteBuffer.wrap(mrc).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1_000_000_000)
                .putInt(4, 1_000_000_000);
        Path broken = Files.write(dir.resolve("broken.mrc"), mrc);
        Path out = dir.resolve("out");

        Cli run = Cli.run("segment", dm.toString(), ser.toString(), broken.toString(),
                "--out", out.toString(), "--patch", "5", "--window", "6", "--shifts", "20",
                "--stride", "2", "--quiet");

        assertEquals(Main.INPUT_FAILED, run.exitCode(), run.err());
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).contains(broken + ": ")
                && lines.get(0).contains("impossible size"), run.err());
        assertFalse(run.err().contains("\tat "), "stack trace shown");

        assertLabels(out.resolve("test_STEM_image/labels.tif"), 68, 68, 0.24853801727294922,
                "nm");
        assertLabels(out.resolve("128x128-TEM_search_1/labels.tif"), 128, 128, 5.26121, "nm");
        String manifest = Json.read(out.resolve("manifest.json").toString(), Map.class).toString();
        assertTrue(manifest.contains("calibration={pixelWidth=0.248538"), manifest);
        assertTrue(manifest.contains("unit=nm"), manifest);
    }

    @Test
    void veloxFileOfSeveralDetectorsSegmentsTheChosenOne(@TempDir Path dir) throws IOException {
        TiffFrameReader tiff = new TiffFrameReader();
        // 8-bit samples, which Velox's signed 16 bits hold exactly
        float[] threeGrains = tiff.read("test-data/three-grains.tif", 0, new Rect(0, 0, 384, 384));
        short[][] other = new short[320][320];
        for (short[] row : other) {
            for (int x = 0; x < row.length; x++) {
                row[x] = (short) (x * 7 % 200);
            }
        }
        Path emd = VeloxFixture.write(dir.resolve("stem.emd"), List.of(
                new VeloxFixture.Image("0d3f", "BF", other),
                new VeloxFixture.Image("7a21", "HAADF", VeloxFixture.rows(threeGrains, 384, 384))));
        Path out = dir.resolve("out");

        Cli haadf = Cli.run("segment", emd.toString(), "--out", out.toString(), "--k", "3", "--quiet");
        assertEquals(0, haadf.exitCode(), haadf.err());
        assertLabels(out.resolve("stem/labels.tif"), 384, 384, 0.05, "nm");
        Path reference = dir.resolve("reference");
        Cli tif = Cli.run("segment", "test-data/three-grains.tif", "--out", reference.toString(), "--k", "3",
                "--quiet");
        assertEquals(0, tif.exitCode(), tif.err());
        assertArrayEquals(Labels.read(reference.resolve("three-grains/labels.tif")).get(0),
                Labels.read(out.resolve("stem/labels.tif")).get(0), "the HAADF image is the one segmented");

        Cli bf = Cli.run("segment", emd.toString(), "--out", out.toString(), "--detector", "BF", "--quiet");
        assertEquals(0, bf.exitCode(), bf.err());
        assertTrue(bf.out().contains("1 written, 0 skipped"), "another detector is another input: " + bf.out());
        assertLabels(out.resolve("stem/labels.tif"), 320, 320, 0.05, "nm");
        Map<?, ?> settings = (Map<?, ?>) Json.read(out.resolve("manifest.json").toString(), Map.class)
                .get("configuration");
        assertEquals("BF", settings.get("detector"));
    }

    private static void assertLabels(Path labels, int width, int height, double pixelSize,
            String unit) throws IOException {
        ImageHeader header = new TiffFrameReader().header(labels.toString());
        assertEquals(width, header.width(), labels.toString());
        assertEquals(height, header.height(), labels.toString());
        assertEquals(unit, header.calibration().unit(), labels.toString());
        assertEquals(pixelSize, header.calibration().pixelWidth(), pixelSize * 1e-6);
        assertEquals(pixelSize, header.calibration().pixelHeight(), pixelSize * 1e-6);
    }

}
