package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of broken files, generated here, for every format: truncated, wrong magic, absurd
 * sizes, offsets outside the file, loops and nesting bombs. Each must end in one line saying
 * what is wrong, quickly, without running out of memory.
 */
class MalformedFilesTest {

    private static final Path FORMATS = Path.of("..", "shared", "data", "formats");
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private static final int BILLION = 1_000_000_000;

    @TempDir
    Path dir;

    private final FrameReader reader = new AnyFormatReader();

    @Test
    void brokenTiffs() throws IOException {
        byte[] good = new TiffFixture(ByteOrder.LITTLE_ENDIAN, false, StoredType.UINT16,
                TiffFixture.NONE, 0, 23).write(37, 23, List.of(new double[37 * 23],
                        new double[37 * 23]));
        assertRefused(write("wrong-magic.tif", patch(good, 0, 'X', 'X')), "not a TIFF image");
        assertRefused(write("truncated.tif", Arrays.copyOf(good, good.length / 2)),
                "truncated or corrupt TIFF");
        assertRefused(write("tiny.tif", Arrays.copyOf(good, 6)), "not a TIFF image");
        assertRefused(write("huge.tif", tiffEntry(tiffEntry(good, 256, BILLION), 257, BILLION)),
                "impossible size");
        assertRefused(write("large-in-small-file.tif", tiffEntry(tiffEntry(good, 256, 40000),
                257, 40000)), "truncated or corrupt TIFF");
        assertRefused(write("strip-outside.tif", tiffEntry(good, 273, 0x7ffffff0)),
                "lies outside the file");
        assertRefused(write("first-ifd-outside.tif", putInt(good, 4, 0x7ffffff0)),
                "outside the file");
        assertRefused(write("entry-count.tif", putShort(good, firstIfd(good), 0xffff)),
                "truncated or corrupt TIFF");
        long first = firstIfd(good);
        long second = nextIfd(good, first);
        assertRefused(write("cyclic.tif", putInt(good, (int) nextPointer(good, second),
                (int) first)), "loops back");
        assertRefused(write("self-loop.tif", putInt(good, (int) nextPointer(good, first),
                (int) first)), "loops back");
        byte[] big = new TiffFixture(ByteOrder.LITTLE_ENDIAN, true, StoredType.UINT8,
                TiffFixture.NONE, 0, 23).write(37, 23, List.of(new double[37 * 23]));
        int firstBig = (int) ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN).getLong(8);
        assertRefused(write("bigtiff-negative-ifd.tif", putLong(big, 8, -16)),
                "outside the file");
        assertRefused(write("bigtiff-entry-count.tif", putLong(big, firstBig, Long.MAX_VALUE)),
                "truncated or corrupt TIFF");
        // the fixture puts the first strip right after the 8-byte header
        double[] ramp = new double[37 * 23];
        Arrays.setAll(ramp, i -> i);
        byte[] lzw = new TiffFixture(ByteOrder.LITTLE_ENDIAN, false, StoredType.UINT16,
                TiffFixture.LZW, 0, 23).write(37, 23, List.of(ramp));
        assertRefused(write("lzw-code-ahead.tif", patch(lzw, 8, 0x80, 0x3f, 0xff, 0xff)),
                "bad LZW data: code");
        assertRefused(write("lzw-old-style.tif", patch(lzw, 8, 0x00, 0x01)), "old-style LZW");
        assertRefused(write("lzw-ends-early.tif", patch(lzw, 8, 0x80, 0x00, 0x20, 0x20)),
                "truncated or corrupt TIFF: a block decodes to");
    }

    @Test
    void brokenDigitalMicrographFiles() throws IOException {
        byte[] stem = Files.readAllBytes(FORMATS.resolve("dm/test_STEM_image.dm3"));
        assertRefused(write("truncated.dm3", Arrays.copyOf(stem, stem.length / 2)),
                "truncated or corrupt DigitalMicrograph file");
        assertRefused(write("cut-in-header.dm3", Arrays.copyOf(stem, 20)),
                "truncated or corrupt DigitalMicrograph file");
        assertRefused(write("wrong-magic.dm3", putInt(stem, 0, 7)), "unrecognised header");
        assertRefused(write("huge.dm3", dmDimensions(stem, BILLION)), "impossible size");
        assertRefused(write("size-mismatch.dm3", dmDimensions(stem, 1000)),
                "the data array holds");
        assertRefused(write("depth-bomb.dm3", dmDepthBomb(100_000)), "nested deeper than");
        assertRefused(write("tag-count.dm3", dm3Root(Integer.MAX_VALUE)), "claims");
        assertRefused(write("negative-count.dm3", dm3Root(-5)), "claims");
    }

    @Test
    void brokenTiaFiles() throws IOException {
        byte[] ser = Files.readAllBytes(FORMATS.resolve("tia/128x128-TEM_search_1.ser"));
        // version 0x220: the offset array is at 72, element 0 at 88; its size at 88 + 42
        assertRefused(write("truncated_1.ser", Arrays.copyOf(ser, ser.length / 2)),
                "truncated or corrupt TIA file");
        assertRefused(write("huge_1.ser", putInt(putInt(ser, 88 + 42, BILLION), 88 + 46,
                BILLION)), "impossible size");
        assertRefused(write("outside_1.ser", putLong(ser, 72, 1L << 40)), "outside the file");
        assertRefused(write("negative_1.ser", putLong(ser, 72, -88)), "outside the file");
        assertRefused(write("array-outside_1.ser", putLong(ser, 22, 1L << 40)),
                "outside the file");
        assertRefused(write("many-elements_1.ser", putInt(putInt(ser, 14, Integer.MAX_VALUE),
                18, Integer.MAX_VALUE)), "truncated or corrupt TIA file");
        assertRefused(write("spectra_1.ser", putInt(ser, 6, 0x4120)), "spectra");
    }

    @Test
    void brokenMrcFiles() throws IOException {
        byte[] mrc = Files.readAllBytes(FORMATS.resolve("mrc/HAADFscan.mrc"));
        assertRefused(write("truncated.mrc", Arrays.copyOf(mrc, mrc.length - 100)),
                "truncated or corrupt MRC file");
        assertRefused(write("header-only.mrc", Arrays.copyOf(mrc, 900)),
                "shorter than the 1024-byte header");
        assertRefused(write("huge.mrc", putInt(putInt(mrc, 0, BILLION), 4, BILLION)),
                "impossible size");
        assertRefused(write("many-sections.mrc", putInt(mrc, 8, BILLION)),
                "truncated or corrupt MRC file");
        assertRefused(write("negative-size.mrc", putInt(mrc, 0, -16)), "negative size");
        assertRefused(write("negative-extended.mrc", putInt(mrc, 92, -4096)),
                "negative extended header");
        assertRefused(write("complex.mrc", putInt(mrc, 12, 4)), "complex-valued");
        assertRefused(write("mode-99.mrc", putInt(mrc, 12, 99)), "unsupported MRC mode");
    }

    @Test
    void brokenHdf5Files() throws IOException {
        byte[] emd = Files.readAllBytes(FORMATS.resolve("emd/fei_example_tem_stack.emd"));
        assertRefused(write("truncated.emd", Arrays.copyOf(emd, emd.length / 3)),
                "HDF5");
        assertRefused(write("cut-superblock.emd", Arrays.copyOf(emd, 40)), "HDF5");
        byte[] shape = longs(3, 3, 2);
        assertRefused(write("huge.emd", replaceAll(emd, shape, longs(BILLION, BILLION, 2))),
                "impossible size");
        assertRefused(write("many-frames.emd", replaceAll(emd, shape, longs(3, 3, BILLION))),
                "corrupt HDF5 file");
        Path noImage = dir.resolve("no-image.h5");
        try (WritableHdfFile file = HdfFile.write(noImage)) {
            file.putDataset("numbers", new int[] {1, 2, 3});
        }
        assertRefused(noImage.toString(), "without an image symseg knows");
    }

    @Test
    void emptyMissingAndDirectory() throws IOException {
        assertRefused(write("empty.dm3", new byte[0]), "empty file");
        assertRefused(dir.resolve("missing.mrc").toString(), "no such file");
        assertRefused(dir.toString(), "is a directory");
        assertRefused(write("text.ser", "plain text, not an image\n"
                .getBytes(StandardCharsets.US_ASCII)), "unrecognised header");
    }

    /** The header or, if the header passes, a read fails in one line, within the hang guard. */
    private void assertRefused(String path, String reason) {
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> assertTimeoutPreemptively(HANG_GUARD, () -> {
                    ImageHeader header = reader.header(path);
                    reader.read(path, header.frames() - 1,
                            new Rect(0, 0, header.width(), header.height()));
                }), path);
        String message = e.getMessage();
        assertTrue(message.contains(reason), path + ": '" + message + "' lacks '" + reason + "'");
        assertEquals(1, message.lines().count(), path + ": " + message);
    }

    private String write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes).toString();
    }

    private static byte[] patch(byte[] bytes, int at, int... values) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < values.length; i++) {
            copy[at + i] = (byte) values[i];
        }
        return copy;
    }

    private static byte[] putShort(byte[] bytes, long at, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putShort((int) at, (short) value);
        return copy;
    }

    private static byte[] putInt(byte[] bytes, long at, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt((int) at, value);
        return copy;
    }

    private static byte[] putLong(byte[] bytes, long at, long value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong((int) at, value);
        return copy;
    }

    private static long firstIfd(byte[] tiff) {
        return ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN).getInt(4) & 0xffffffffL;
    }

    private static long nextPointer(byte[] tiff, long ifd) {
        int entries = ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN).getShort((int) ifd);
        return ifd + 2 + 12L * entries;
    }

    private static long nextIfd(byte[] tiff, long ifd) {
        return ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN)
                .getInt((int) nextPointer(tiff, ifd)) & 0xffffffffL;
    }

    /** Sets a single-valued entry of every directory of a classic little-endian TIFF. */
    private static byte[] tiffEntry(byte[] tiff, int tag, int value) {
        byte[] copy = tiff.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        for (long ifd = firstIfd(copy); ifd != 0; ifd = nextIfd(copy, ifd)) {
            int entries = b.getShort((int) ifd);
            for (int e = 0; e < entries; e++) {
                int at = (int) ifd + 2 + 12 * e;
                if ((b.getShort(at) & 0xffff) == tag) {
                    b.putShort(at + 2, (short) 4).putInt(at + 4, 1).putInt(at + 8, value);
                }
            }
        }
        return copy;
    }

    /** The real image's two dimensions (the last "Dimensions" group of the file) set to n. */
    private static byte[] dmDimensions(byte[] dm3, int n) {
        byte[] copy = dm3.clone();
        int group = lastIndexOf(copy, "Dimensions".getBytes(StandardCharsets.US_ASCII));
        int at = group;
        for (int d = 0; d < 2; d++) {
            at = indexOf(copy, "%%%%".getBytes(StandardCharsets.US_ASCII), at) + 4;
            // ninfo = 1, info = [3 (int32)], then the value in the file's byte order
            ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 8, n);
        }
        return copy;
    }

    /** A DM3 header whose root holds groups nested {@code depth} deep. */
    private static byte[] dmDepthBomb(int depth) {
        ByteBuffer b = ByteBuffer.allocate(12 + 6 + depth * 9 + 16).order(ByteOrder.BIG_ENDIAN);
        b.putInt(3).putInt(b.capacity()).putInt(1);
        b.put((byte) 0).put((byte) 1).putInt(1);
        for (int i = 0; i < depth; i++) {
            b.put((byte) 20).putShort((short) 0).put((byte) 0).put((byte) 1).putInt(1);
        }
        return b.array();
    }

    private static byte[] dm3Root(int tags) {
        return ByteBuffer.allocate(64).putInt(3).putInt(64).putInt(1).put((byte) 0)
                .put((byte) 1).putInt(tags).array();
    }

    private static byte[] longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    private static byte[] replaceAll(byte[] bytes, byte[] from, byte[] to) {
        byte[] copy = bytes.clone();
        for (int at = indexOf(copy, from, 0); at >= 0; at = indexOf(copy, from, at + 1)) {
            System.arraycopy(to, 0, copy, at, to.length);
        }
        return copy;
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        for (int i = Math.max(0, from); i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        int last = -1;
        for (int at = indexOf(bytes, pattern, 0); at >= 0; at = indexOf(bytes, pattern, at + 1)) {
            last = at;
        }
        return last;
    }

}
