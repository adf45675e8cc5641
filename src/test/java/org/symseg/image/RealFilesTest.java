package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every reader on real vendor files (HyperSpy's RosettaSciIO test suite, in shared/data/formats):
 * the shapes, types, pixel values and calibrations that suite asserts.
 */
class RealFilesTest {

    private static final Path FORMATS = Path.of("..", "shared", "data", "formats");
    private static final float[] ONE_TO_FOUR = {1, 2, 3, 4};
    private static final float[] FIVE_TO_EIGHT = {5, 6, 7, 8};

    private final FrameReader reader = new AnyFormatReader();

    @Test
    void dm3AndDm4ImagesOfEachSampleType() throws IOException {
        assertImage("dm/2d-int16.dm3", DmFrameReader.class, 2, 2, 1, PixelType.INT16);
        assertImage("dm/2d-float32.dm3", DmFrameReader.class, 2, 2, 1, PixelType.FLOAT32);
        assertImage("dm/2d-uint16.dm4", DmFrameReader.class, 2, 2, 1, PixelType.UINT16);
        assertImage("dm/2d-uint8.dm4", DmFrameReader.class, 2, 2, 1, PixelType.UINT8);
        for (String name : new String[] {"dm/2d-int16.dm3", "dm/2d-float32.dm3",
                "dm/2d-uint16.dm4", "dm/2d-uint8.dm4"}) {
            assertArrayEquals(ONE_TO_FOUR, frame(name, 0), name);
        }
    }

    @Test
    void dmStacksHoldTheirFramesInOrder() throws IOException {
        assertImage("dm/3d-float32.dm3", DmFrameReader.class, 2, 2, 2, PixelType.FLOAT32);
        assertImage("dm/3d-float64.dm4", DmFrameReader.class, 2, 2, 2, PixelType.FLOAT64);
        for (String name : new String[] {"dm/3d-float32.dm3", "dm/3d-float64.dm4"}) {
            assertArrayEquals(ONE_TO_FOUR, frame(name, 0), name);
            assertArrayEquals(FIVE_TO_EIGHT, frame(name, 1), name);
        }
    }

    @Test
    void dmComplexAndColourAreRefusedInOneLine() {
        assertRefused("dm/2d-complex64.dm3", "complex");
        assertRefused("dm/2d-rgba.dm3", "RGB colour");
    }

    @Test
    void dmAcquisitionsCarryTheirCalibration() throws IOException {
        ImageHeader stem = assertImage("dm/test_STEM_image.dm3", DmFrameReader.class, 68, 68, 1,
                PixelType.UINT32);
        assertCalibration(stem, 0.24853801727294922, "nm");
        ImageHeader stack = assertImage("dm/test_stackbuilder_imagestack.dm3",
                DmFrameReader.class, 16, 2, 3, PixelType.UINT32);
        assertCalibration(stack, 0.05998290330171585, "\u00b5m");
        // a region read equals the same pixels of a whole-frame read
        float[] whole = frame("dm/test_STEM_image.dm3", 0);
        float[] region = reader.read(file("dm/test_STEM_image.dm3"), 0, new Rect(10, 20, 7, 5));
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(whole[(20 + y) * 68 + 10 + x], region[y * 7 + x]);
            }
        }
    }

    @Test
    void tiaSeriesOldAndNewFormatWithCalibration() throws IOException {
        ImageHeader search = assertImage("tia/128x128-TEM_search_1.ser", SerFrameReader.class,
                128, 128, 1, PixelType.INT32);
        assertCalibration(search, 5.26121, "nm");
        // TIA stores the bottom row first: the file's first samples are the last image row
        assertArrayEquals(new float[] {12030, 12599, 12659, 12783},
                reader.read(file("tia/128x128-TEM_search_1.ser"), 0, new Rect(0, 127, 4, 1)));
        ImageHeader diffraction = assertImage("tia/128x128x5-diffraction_preview_1.ser",
                SerFrameReader.class, 128, 128, 5, PixelType.INT32);
        assertCalibration(diffraction, 0.042464, "1/nm");
        assertArrayEquals(new float[] {186, 295, 241, 117}, reader.read(
                file("tia/128x128x5-diffraction_preview_1.ser"), 4, new Rect(0, 127, 4, 1)));
        ImageHeader old = assertImage("tia/64x64_TEM_images_acquire_1.ser", SerFrameReader.class,
                64, 64, 1, PixelType.FLOAT32);
        assertCalibration(old, 6.281833, "nm");
    }

    /**
     * Rows read together come back in image order, also where the file stores them bottom up:
     * the same as each row read alone.
     */
    @Test
    void regionsOfUncompressedFramesMatchTheirRowsReadOneByOne() throws IOException {
        for (String name : new String[] {"tia/128x128-TEM_search_1.ser", "dm/test_STEM_image.dm3",
                "mrc/HAADFscan.mrc"}) {
            ImageHeader header = reader.header(file(name));
            Rect region = new Rect(header.width() / 8, header.height() / 4, header.width() / 3, header.height() / 2);
            float[] part = reader.read(file(name), 0, region);
            for (int y = 0; y < region.height(); y++) {
                float[] row = reader.read(file(name), 0, new Rect(region.x(), region.y() + y, region.width(), 1));
                assertArrayEquals(row, java.util.Arrays.copyOfRange(part, y * region.width(),
                        (y + 1) * region.width()), name + " row " + y);
            }
        }
    }

    /** A vendor file's header is parsed once per version of the file, not on every tile read. */
    @Test
    void aVendorFilesLayoutIsRememberedPerVersion(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path copy = dir.resolve("image.dm4");
        java.nio.file.Files.copy(FORMATS.resolve("dm/2d-uint16.dm4"), copy);
        assertEquals(PixelType.UINT16, reader.header(copy.toString()).type());
        java.nio.file.attribute.FileTime written = java.nio.file.Files.getLastModifiedTime(copy);
        long length = java.nio.file.Files.size(copy);

        // other bytes, same length and time: the same version as far as a reader can tell
        java.nio.file.Files.write(copy, new byte[(int) length]);
        java.nio.file.Files.setLastModifiedTime(copy, written);
        assertEquals(PixelType.UINT16, reader.header(copy.toString()).type());

        // another file in its place is read anew
        java.nio.file.Files.copy(FORMATS.resolve("dm/2d-uint8.dm4"), copy,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.nio.file.Files.setLastModifiedTime(copy,
                java.nio.file.attribute.FileTime.fromMillis(written.toMillis() + 2000));
        assertEquals(PixelType.UINT8, reader.header(copy.toString()).type());
    }

    @Test
    void mrcFromVeloxWithItsPixelSize() throws IOException {
        ImageHeader mrc = assertImage("mrc/HAADFscan.mrc", MrcFrameReader.class, 16, 16, 1,
                PixelType.UINT16);
        assertCalibration(mrc, 5.679131317138672, "nm");
        assertArrayEquals(new float[] {5715, 6654, 7842, 8618},
                reader.read(file("mrc/HAADFscan.mrc"), 0, new Rect(0, 0, 4, 1)));
    }

    @Test
    void veloxEmdStackAndNcemEmdImage() throws IOException {
        ImageHeader velox = assertImage("emd/fei_example_tem_stack.emd", Hdf5FrameReader.class,
                3, 3, 2, PixelType.INT16);
        assertCalibration(velox, 8.1728831922978511e-3, "nm");
        assertArrayEquals(new float[] {0, 2, 4, 6, 8, 10, 12, 14, 16},
                frame("emd/fei_example_tem_stack.emd", 0));
        assertArrayEquals(new float[] {1, 3, 5, 7, 9, 11, 13, 15, 17},
                frame("emd/fei_example_tem_stack.emd", 1));
        assertArrayEquals(new float[] {8, 10, 14, 16},
                reader.read(file("emd/fei_example_tem_stack.emd"), 0, new Rect(1, 1, 2, 2)),
                "region of frame 0");
        ImageHeader ncem = assertImage("emd/example_image.emd", Hdf5FrameReader.class, 3, 3, 1,
                PixelType.INT32);
        assertEquals(Calibration.NONE, ncem.calibration(), "its axes have no unit");
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8},
                frame("emd/example_image.emd", 0));
    }

    @Test
    void tiffFromImageJAndDigitalMicrograph() throws IOException {
        ImageHeader ij = assertImage("tiff/test_loading_image_saved_with_imageJ.tif",
                TiffFrameReader.class, 68, 68, 1, PixelType.FLOAT32);
        assertCalibration(ij, 0.16867, "\u00b5m");
        ImageHeader stack = assertImage("tiff/test_loading_image_saved_with_imageJ_stack.tif",
                TiffFrameReader.class, 68, 68, 2, PixelType.FLOAT32);
        assertCalibration(stack, 0.16867, "\u00b5m");
        ImageHeader dm = assertImage("tiff/test_loading_image_saved_with_DM.tif",
                TiffFrameReader.class, 68, 68, 1, PixelType.INT32);
        assertCalibration(dm, 0.16867469251155853, "\u00b5m");
        float[] first = {3465, 3352, 3373, 3400};
        for (String name : new String[] {"tiff/test_loading_image_saved_with_imageJ.tif",
                "tiff/test_loading_image_saved_with_imageJ_stack.tif",
                "tiff/test_loading_image_saved_with_DM.tif"}) {
            assertArrayEquals(first, reader.read(file(name), 0, new Rect(0, 0, 4, 1)), name);
        }
    }

    private ImageHeader assertImage(String name, Class<?> readerClass, int width, int height,
            int frames, PixelType type) throws IOException {
        assertInstanceOf(readerClass, new AnyFormatReader().readerFor(file(name)), name);
        ImageHeader header = reader.header(file(name));
        assertEquals(width, header.width(), name + " width");
        assertEquals(height, header.height(), name + " height");
        assertEquals(frames, header.frames(), name + " frames");
        assertEquals(type, header.type(), name + " type");
        return header;
    }

    private static void assertCalibration(ImageHeader header, double pixelSize, String unit) {
        Calibration c = header.calibration();
        assertEquals(unit, c.unit(), header.path());
        assertEquals(pixelSize, c.pixelWidth(), pixelSize * 1e-4, header.path());
        assertEquals(pixelSize, c.pixelHeight(), pixelSize * 1e-4, header.path());
    }

    private void assertRefused(String name, String reason) {
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> reader.header(file(name)), name);
        assertTrue(e.getMessage().contains(reason), name + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private float[] frame(String name, int frame) throws IOException {
        ImageHeader header = reader.header(file(name));
        return reader.read(file(name), frame, new Rect(0, 0, header.width(), header.height()));
    }

    private static String file(String name) {
        return FORMATS.resolve(name).toString();
    }
}
