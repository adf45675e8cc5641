package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every TIFF variant the issue lists, written by the tests themselves: each sample type, strips
 * and tiles, uncompressed / LZW / Deflate / PackBits, both byte orders, BigTIFF, multi-page;
 * each read back whole and by region.
 */
class TiffVariantsTest {

    private static final int W = 37;
    private static final int H = 23;
    private static final StoredType[] TYPES = {StoredType.INT8, StoredType.UINT8,
        StoredType.INT16, StoredType.UINT16, StoredType.INT32, StoredType.UINT32,
        StoredType.FLOAT32, StoredType.FLOAT64};

    @TempDir
    Path dir;

    private final FrameReader reader = new AnyFormatReader();

    @Test
    void everySampleTypeCompressionAndLayoutReadsBack() throws IOException {
        int files = 0;
        for (StoredType type : TYPES) {
            for (int compression : new int[] {TiffFixture.NONE, TiffFixture.LZW, TiffFixture.DEFLATE,
                    TiffFixture.PACKBITS}) {
                for (int tile : new int[] {0, 16}) {
                    ByteOrder order = files % 2 == 0 ? ByteOrder.LITTLE_ENDIAN
                            : ByteOrder.BIG_ENDIAN;
                    assertReadsBack(new TiffFixture(order, false, type, compression, tile, 5),
                            type, 1, type + "-c" + compression + "-t" + tile);
                    files++;
                }
            }
        }
        assertEquals(64, files);
    }

    @Test
    void horizontalDifferencingOfIntegerSamples() throws IOException {
        int files = 0;
        for (StoredType type : TYPES) {
            if (type == StoredType.FLOAT32 || type == StoredType.FLOAT64) {
                continue;
            }
            for (int compression : new int[] {TiffFixture.LZW, TiffFixture.DEFLATE}) {
                for (int tile : new int[] {0, 16}) {
                    ByteOrder order = files % 2 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                    String name = "predictor-" + type + "-c" + compression + "-t" + tile;
                    TiffFixture fixture = new TiffFixture(order, false, type, compression, tile, 5).differenced();
                    assertReadsBack(fixture, type, 2, name);
                    files++;
                }
            }
        }
        assertEquals(24, files);
    }

    /** LZW and predictor files from other writers decode as TwelveMonkeys decodes them. */
    @Test
    void lzwAgreesWithTheGeneralDecoder() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var listing = Files.list(Path.of("test-data"))) {
            listing.filter(f -> f.toString().endsWith(".tif")).sorted().forEach(files::add);
        }
        Path fixture = dir.resolve("fixture-lzw.tif");
        Files.write(fixture, new TiffFixture(ByteOrder.BIG_ENDIAN, false, StoredType.UINT16, TiffFixture.LZW, 0, 7)
                .differenced().write(W, H, List.of(values(StoredType.UINT16, 0))));
        files.add(fixture);
        for (Path file : files) {
            ImageHeader header = reader.header(file.toString());
            Rect region = new Rect(header.width() / 3, header.height() / 4, header.width() / 2, header.height() / 2);
            int frame = header.frames() - 1;
            assertArrayEquals(twelveMonkeys(file, frame, region), reader.read(file.toString(), frame, region),
                    file.toString());
        }
    }

    private static float[] twelveMonkeys(Path file, int frame, Rect region) throws IOException {
        javax.imageio.ImageReader general = new com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi()
                .createReaderInstance();
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            general.setInput(in);
            javax.imageio.ImageReadParam param = general.getDefaultReadParam();
            param.setSourceRegion(new java.awt.Rectangle(region.x(), region.y(), region.width(), region.height()));
            return general.readRaster(frame, param).getSamples(0, 0, region.width(), region.height(), 0,
                    new float[region.width() * region.height()]);
        } finally {
            general.dispose();
        }
    }

    @Test
    void bigTiffMultiPageInEachType() throws IOException {
        for (StoredType type : TYPES) {
            assertReadsBack(new TiffFixture(ByteOrder.LITTLE_ENDIAN, true, type,
                    TiffFixture.DEFLATE, 16, 0), type, 3, "big-tiled-" + type);
            assertReadsBack(new TiffFixture(ByteOrder.BIG_ENDIAN, true, type, TiffFixture.NONE,
                    0, 4), type, 2, "big-strips-" + type);
        }
    }

    @Test
    void lzwStripsAndTilesFromTheJdkWriter() throws IOException {
        int[] imageTypes = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY};
        for (int imageType : imageTypes) {
            for (boolean tiled : new boolean[] {false, true}) {
                BufferedImage image = new BufferedImage(W, H, imageType);
                int max = imageType == BufferedImage.TYPE_BYTE_GRAY ? 256 : 65536;
                float[] expected = new float[W * H];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = (i * 7919L) % max;
                }
                image.getRaster().setSamples(0, 0, W, H, 0, expected);
                Path file = dir.resolve("lzw-" + imageType + "-" + tiled + ".tif");
                writeWithJdk(file, List.of(image, image), "LZW", tiled);
                ImageHeader header = reader.header(file.toString());
                assertEquals(2, header.frames());
                assertEquals(imageType == BufferedImage.TYPE_BYTE_GRAY ? PixelType.UINT8
                        : PixelType.UINT16, header.type());
                assertArrayEquals(expected, reader.read(file.toString(), 1, new Rect(0, 0, W, H)),
                        file.toString());
            }
        }
    }

    @Test
    void aFileRewrittenInPlaceIsWalkedAgain() throws IOException {
        Path file = dir.resolve("rewritten.tif");
        List<double[]> first = List.of(values(StoredType.UINT16, 0), values(StoredType.UINT16, 1));
        Files.write(file, new TiffFixture(ByteOrder.LITTLE_ENDIAN, false, StoredType.UINT16, TiffFixture.NONE, 0, 5)
                .write(W, H, first));
        Rect all = new Rect(0, 0, W, H);
        assertArrayEquals(asFloats(first.get(1)), reader.read(file.toString(), 1, all));
        assertArrayEquals(asFloats(first.get(1)), reader.read(file.toString(), 1, all), "read again");

        // the same name, now three pages in deflated tiles
        List<double[]> second = List.of(values(StoredType.UINT16, 2), values(StoredType.UINT16, 3),
                values(StoredType.UINT16, 4));
        Files.write(file, new TiffFixture(ByteOrder.BIG_ENDIAN, false, StoredType.UINT16, TiffFixture.DEFLATE, 16, 0)
                .write(W, H, second));
        assertEquals(3, reader.header(file.toString()).frames());
        assertArrayEquals(asFloats(second.get(2)), reader.read(file.toString(), 2, all));
        assertArrayEquals(asFloats(second.get(1)), reader.read(file.toString(), 1, all));
    }

    @Test
    void uncompressedRowsReadTogetherInAnyNumberOfReads() throws IOException {
        double[] values = values(StoredType.UINT16, 0);
        Rect region = new Rect(5, 2, 19, 20);
        for (int tile : new int[] {0, 16}) {
            Path file = dir.resolve("rows-" + tile + ".tif");
            Files.write(file, new TiffFixture(ByteOrder.LITTLE_ENDIAN, false, StoredType.UINT16, TiffFixture.NONE,
                    tile, H).write(W, H, List.of(values)));
            // one row per read, a few rows per read, and all of a block's rows in one read
            for (int maxRead : new int[] {1, 3 * W * 2, SpacedRows.MAX_READ}) {
                float[] part;
                try (ByteReader in = ByteReader.open(file.toString(), "TIFF")) {
                    part = TiffBlockDecoder.read(TiffStructure.of(file.toString(), in), in, 0, region, maxRead);
                }
                for (int y = 0; y < region.height(); y++) {
                    for (int x = 0; x < region.width(); x++) {
                        assertEquals((float) values[(region.y() + y) * W + region.x() + x],
                                part[y * region.width() + x], "tile " + tile + ", reads of " + maxRead + " bytes");
                    }
                }
            }
        }
    }

    @Test
    void aFilesFormatIsRecognisedOncePerVersionOfTheFile() throws IOException {
        Path file = dir.resolve("recognised.tif");
        byte[] tiff = new TiffFixture(ByteOrder.LITTLE_ENDIAN, false, StoredType.UINT16, TiffFixture.NONE, 0, 5)
                .write(W, H, List.of(values(StoredType.UINT16, 0)));
        Files.write(file, tiff);
        AnyFormatReader any = new AnyFormatReader();
        assertInstanceOf(TiffFrameReader.class, any.readerFor(file.toString()));
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(file);

        // other bytes, same length and time: taken for the version already recognised
        Files.write(file, new byte[tiff.length]);
        Files.setLastModifiedTime(file, written);
        assertInstanceOf(TiffFrameReader.class, any.readerFor(file.toString()));

        // a new version is looked at again
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(written.toMillis() + 2000));
        ImageFormatException refused = assertThrows(ImageFormatException.class, () -> any.readerFor(file.toString()));
        assertTrue(refused.getMessage().contains("unrecognised header"), refused.getMessage());
    }

    @Test
    void colourIsRefusedWithAClearMessage() throws IOException {
        Path file = dir.resolve("rgb.tif");
        writeWithJdk(file, List.of(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR)), "LZW",
                false);
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> reader.header(file.toString()));
        assertTrue(e.getMessage().contains("greyscale images only"), e.getMessage());
    }

    @Test
    void labelMapsCarryTheCalibrationBackIn() throws IOException {
        Path file = dir.resolve("labels.tif");
        try (StreamingTiffWriter writer = new StreamingTiffWriter(file.toFile(),
                Calibration.of(0.24853801727294922, 0.25, "nm"))) {
            for (int page = 0; page < 2; page++) {
                writer.beginPage(W, H, 8);
                writer.writeRows(new short[W * H], H);
                writer.endPage();
            }
        }
        ImageHeader header = reader.header(file.toString());
        assertEquals(2, header.frames());
        assertEquals("nm", header.calibration().unit());
        assertEquals(0.24853801727294922, header.calibration().pixelWidth(), 1e-8);
        assertEquals(0.25, header.calibration().pixelHeight(), 1e-8);
    }

    private void assertReadsBack(TiffFixture fixture, StoredType type, int pages, String name)
            throws IOException {
        List<double[]> values = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            values.add(values(type, p));
        }
        Path file = dir.resolve(name + ".tif");
        Files.write(file, fixture.write(W, H, values));
        ImageHeader header = reader.header(file.toString());
        assertEquals(W, header.width(), name);
        assertEquals(H, header.height(), name);
        assertEquals(pages, header.frames(), name);
        assertEquals(type.pixelType(), header.type(), name);
        int last = pages - 1;
        assertArrayEquals(asFloats(values.get(last)),
                reader.read(file.toString(), last, new Rect(0, 0, W, H)), name);
        // a region across strip and tile borders
        Rect region = new Rect(13, 3, 20, 17);
        float[] part = reader.read(file.toString(), last, region);
        for (int y = 0; y < region.height(); y++) {
            for (int x = 0; x < region.width(); x++) {
                assertEquals((float) values.get(last)[(region.y() + y) * W + region.x() + x],
                        part[y * region.width() + x], name + " region");
            }
        }
    }

    /** Values across the type's range, negative ones for signed types, > 2^31 for UINT32. */
    private static double[] values(StoredType type, int page) {
        double[] v = new double[W * H];
        for (int i = 0; i < v.length; i++) {
            long k = i * 7919L + page * 104729L;
            v[i] = switch (type) {
                case INT8 -> k % 256 - 128;
                case UINT8 -> k % 256;
                case INT16 -> k % 65536 - 32768;
                case UINT16 -> k % 65536;
                case INT32 -> (k % 4096) * 1_000_000L - 2_000_000_000L;
                case UINT32 -> (k % 4096) * 1_000_000L + 100_000;
                case FLOAT32 -> (k % 1000) * 0.25 - 100;
                default -> (k % 1000) * 1e-3 - 0.5;
            };
        }
        return v;
    }

    private static float[] asFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private static void writeWithJdk(Path file, List<BufferedImage> pages, String compression,
            boolean tiled) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        ImageWriter writer = null;
        while (writers.hasNext()) {
            ImageWriter candidate = writers.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio.plugins.tiff.")) {
                writer = candidate;
            }
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(compression);
            if (tiled) {
                param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
                param.setTiling(16, 16, 0, 0);
            }
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }
}
