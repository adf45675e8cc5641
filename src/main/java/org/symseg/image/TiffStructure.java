package org.symseg.image;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directory structure of a TIFF or BigTIFF file, walked by symseg itself before any decoder
 * sees the file: every offset and count is checked against the file's length, a directory
 * chain that loops back is refused, and the image size must be plausible for the bytes stored.
 * Gives the frames (full-resolution pages), their sample type and the pixel size.
 */
final class TiffStructure {

    /** A compressed block cannot grow more than this in the codecs TIFF uses (deflate ~1032:1, LZW ~1400:1). */
    private static final long MAX_EXPANSION = 2000;
    private static final int BLOCK_BATCH = 1024;
    private static final Pattern IMAGEJ_UNIT = Pattern.compile("(?m)^unit=(.+)$");

    private static final int NEW_SUBFILE_TYPE = 254;
    private static final int WIDTH = 256;
    private static final int HEIGHT = 257;
    private static final int BITS = 258;
    private static final int COMPRESSION = 259;
    private static final int PHOTOMETRIC = 262;
    private static final int DESCRIPTION = 270;
    private static final int STRIP_OFFSETS = 273;
    private static final int SAMPLES = 277;
    private static final int ROWS_PER_STRIP = 278;
    private static final int STRIP_BYTES = 279;
    private static final int X_RESOLUTION = 282;
    private static final int Y_RESOLUTION = 283;
    private static final int PLANAR = 284;
    private static final int FILL_ORDER = 266;
    private static final int PREDICTOR = 317;
    private static final int RESOLUTION_UNIT = 296;
    private static final int TILE_WIDTH = 322;
    private static final int TILE_LENGTH = 323;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTES = 325;
    private static final int SAMPLE_FORMAT = 339;
    // DigitalMicrograph's private tags: unit and scale of x and y
    private static final int DM_X_UNIT = 65003;
    private static final int DM_X_SCALE = 65009;
    private static final int DM_Y_SCALE = 65010;

    /** One directory entry: its field type, value count and where the values are. */
    private record Entry(int type, long count, long valueOffset) {
    }

    /**
     * Structures of the files walked last. Walking the whole chain for every tile would cost each
     * tile of a video of N pages N directory reads (7.6 ms a tile at 1000 pages on a local disk,
     * far more on HDFS or S3).
     */
    private static final RememberedPerFile<TiffStructure> WALKED = new RememberedPerFile<>(16);

    private final ByteReader in;
    private final boolean big;
    private final List<Long> frameDirectories;
    private final List<Blocks> frameBlocks;
    private ImageHeader header;

    private TiffStructure(ByteReader in, boolean big) {
        this.in = in;
        this.big = big;
        this.frameDirectories = new ArrayList<>();
        this.frameBlocks = new ArrayList<>();
    }

    /** A walked structure, reading its values from another reader of the same file. */
    private TiffStructure(TiffStructure walked, ByteReader in) {
        this.in = in.order(walked.order());
        this.big = walked.big;
        this.frameDirectories = walked.frameDirectories;
        this.frameBlocks = walked.frameBlocks;
        this.header = walked.header;
    }

    /**
     * The structure of the file {@code in} reads: walked once, then remembered while the file
     * keeps its length and modification time.
     */
    static TiffStructure of(String path, ByteReader in) throws IOException {
        TiffStructure known = WALKED.get(path, in.length(), in.modified());
        if (known != null) {
            return new TiffStructure(known, in);
        }
        TiffStructure walked = read(path, in);
        WALKED.put(path, in.length(), in.modified(), walked);
        return walked;
    }

    static boolean hasMagic(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        boolean little = head[0] == 'I' && head[1] == 'I' && (head[2] == 42 || head[2] == 43)
                && head[3] == 0;
        boolean bigEndian = head[0] == 'M' && head[1] == 'M' && head[2] == 0
                && (head[3] == 42 || head[3] == 43);
        return little || bigEndian;
    }

    /** Walks the whole directory chain of the file {@code in} reads. */
    private static TiffStructure read(String path, ByteReader in) throws IOException {
        if (in.length() < 8 || !hasMagic(in.bytes(4))) {
            throw new ImageFormatException("not a TIFF image (unrecognised header)");
        }
        in.seek(0);
        in.order(in.u8() == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        in.seek(2);
        boolean big = in.u16() == 43;
        TiffStructure tiff = new TiffStructure(in, big);
        long first;
        if (big) {
            if (in.u16() != 8 || in.u16() != 0) {
                throw new ImageFormatException("corrupt BigTIFF header");
            }
            first = in.s64();
        } else {
            first = in.u32();
        }
        tiff.walk(path, first);
        return tiff;
    }

    ImageHeader header() {
        return header;
    }

    /** The directory index a decoder knows frame {@code frame} by. */
    int directoryIndex(int frame) {
        return frameDirectories.get(frame).intValue();
    }

    /** True when frame {@code frame} is stored in tiles rather than strips. */
    boolean tiled(int frame) {
        return frameBlocks.get(frame).tiled();
    }

    /**
     * How frame {@code frame} is cut into blocks (tiles, or strips as full-width blocks) and
     * encoded, for decoding a region block by block.
     */
    record Blocks(boolean tiled, int blockWidth, int blockHeight, int across, long compression,
            long predictor, long planar, long fillOrder, int bits, long sampleFormat,
            Entry offsets, Entry counts) {
    }

    Blocks blocks(int frame) {
        return frameBlocks.get(frame);
    }

    ByteOrder order() {
        return in.order();
    }

    /** File offset and stored size of block {@code index} of a frame. */
    long[] block(Blocks blocks, long index) throws IOException {
        return new long[] {value(blocks.offsets(), index), value(blocks.counts(), index)};
    }

    private void walk(String path, long first) throws IOException {
        Set<Long> seen = new HashSet<>();
        long offset = first;
        int index = 0;
        while (offset != 0) {
            if (!seen.add(offset)) {
                throw new ImageFormatException("corrupt TIFF: the directory chain loops back to"
                        + " offset " + offset);
            }
            in.seek(offset);
            long entries = big ? in.s64() : in.u16();
            int entrySize = big ? 20 : 12;
            if (entries < 0 || entries > in.remaining() / entrySize) {
                throw new ImageFormatException("truncated or corrupt TIFF: directory " + index
                        + " claims " + entries + " entries");
            }
            Map<Integer, Entry> tags = new HashMap<>();
            for (long e = 0; e < entries; e++) {
                int tag = in.u16();
                int type = in.u16();
                long count = big ? in.s64() : in.u32();
                long valueField = in.position();
                in.skip(big ? 8 : 4);
                int size = typeSize(type);
                if (size == 0 || count < 0) {
                    continue; // unknown field types are skipped, as the TIFF spec asks
                }
                if (count > in.length() / size) {
                    throw new ImageFormatException("truncated or corrupt TIFF: tag " + tag
                            + " claims " + count + " values");
                }
                long valueOffset = count * size <= (big ? 8 : 4) ? valueField
                        : pointer(valueField);
                if (valueOffset < 0 || valueOffset > in.length() - count * size) {
                    throw new ImageFormatException("truncated or corrupt TIFF: the values of tag "
                            + tag + " lie outside the file");
                }
                tags.put(tag, new Entry(type, count, valueOffset));
            }
            long next = big ? in.s64() : in.u32();
            if ((number(tags, NEW_SUBFILE_TYPE, 0, 0) & 1) == 0) {
                frame(path, index, tags);
            }
            offset = next;
            index++;
        }
        if (header == null) {
            throw new ImageFormatException("truncated or corrupt TIFF (no image directory)");
        }
    }

    private long pointer(long at) throws IOException {
        long back = in.position();
        in.seek(at);
        long value = big ? in.s64() : in.u32();
        in.seek(back);
        return value;
    }

    private void frame(String path, int index, Map<Integer, Entry> tags) throws IOException {
        long width = number(tags, WIDTH, 0, -1);
        long height = number(tags, HEIGHT, 0, -1);
        long samples = number(tags, SAMPLES, 0, 1);
        long photometric = number(tags, PHOTOMETRIC, 0, 1);
        if (samples != 1 || photometric == 2 || photometric == 6) {
            throw new ImageFormatException("has " + samples + " colour channels; symseg reads"
                    + " greyscale images only (convert it first)");
        }
        if (photometric == 3) {
            throw new ImageFormatException("is a palette-colour image; symseg reads greyscale"
                    + " images only (convert it first)");
        }
        PixelType type = pixelType(number(tags, BITS, 0, 1), number(tags, SAMPLE_FORMAT, 0, 1));
        if (header == null) {
            header = ImageHeader.checked(path, width, height, 1, type, calibration(tags));
        } else if (width != header.width() || height != header.height()) {
            throw new ImageFormatException("page " + frameDirectories.size() + " is " + width
                    + "x" + height + " but page 0 is " + header.width() + "x" + header.height()
                    + "; all frames of a series must have one size");
        } else if (type != header.type()) {
            throw new ImageFormatException("page " + frameDirectories.size() + " holds " + type
                    + " samples but page 0 holds " + header.type());
        }
        checkBlocks(index, tags, type);
        frameDirectories.add((long) index);
        frameBlocks.add(blocks(tags));
        header = new ImageHeader(path, header.width(), header.height(), frameDirectories.size(),
                header.type(), header.calibration());
    }

    private Blocks blocks(Map<Integer, Entry> tags) throws IOException {
        boolean tiled = tags.containsKey(TILE_OFFSETS);
        long width = header.width();
        long height = header.height();
        long blockWidth = tiled ? number(tags, TILE_WIDTH, 0, -1) : width;
        long blockHeight = tiled ? number(tags, TILE_LENGTH, 0, -1)
                : Math.max(1, Math.min(number(tags, ROWS_PER_STRIP, 0, height), height));
        return new Blocks(tiled, (int) Math.min(blockWidth, Integer.MAX_VALUE),
                (int) Math.min(blockHeight, Integer.MAX_VALUE), (int) ceilDiv(width, blockWidth),
                number(tags, COMPRESSION, 0, 1), number(tags, PREDICTOR, 0, 1),
                number(tags, PLANAR, 0, 1), number(tags, FILL_ORDER, 0, 1),
                (int) number(tags, BITS, 0, 1), number(tags, SAMPLE_FORMAT, 0, 1),
                tags.get(tiled ? TILE_OFFSETS : STRIP_OFFSETS), tags.get(tiled ? TILE_BYTES : STRIP_BYTES));
    }

    /** Strips or tiles: as many as the size needs, inside the file, holding enough bytes. */
    private void checkBlocks(int index, Map<Integer, Entry> tags, PixelType type)
            throws IOException {
        long width = header.width();
        long height = header.height();
        boolean tiled = tags.containsKey(TILE_OFFSETS);
        long expected;
        Entry offsets;
        Entry counts;
        if (tiled) {
            long tileWidth = number(tags, TILE_WIDTH, 0, -1);
            long tileLength = number(tags, TILE_LENGTH, 0, -1);
            if (tileWidth < 1 || tileLength < 1) {
                throw new ImageFormatException("corrupt TIFF: tiles of " + tileWidth + "x"
                        + tileLength);
            }
            expected = ceilDiv(width, tileWidth) * ceilDiv(height, tileLength);
            offsets = tags.get(TILE_OFFSETS);
            counts = tags.get(TILE_BYTES);
        } else {
            long rows = Math.min(number(tags, ROWS_PER_STRIP, 0, height), height);
            expected = ceilDiv(height, Math.max(rows, 1));
            offsets = tags.get(STRIP_OFFSETS);
            counts = tags.get(STRIP_BYTES);
        }
        if (offsets == null || counts == null || offsets.count() < expected
                || counts.count() < expected) {
            throw new ImageFormatException("truncated or corrupt TIFF: page " + index + " lists "
                    + (offsets == null ? 0 : offsets.count()) + " of the " + expected + " "
                    + (tiled ? "tiles" : "strips") + " its size needs");
        }
        long stored = 0;
        long[] start = new long[BLOCK_BATCH];
        for (long done = 0; done < expected; done += BLOCK_BATCH) {
            int batch = (int) Math.min(BLOCK_BATCH, expected - done);
            for (int i = 0; i < batch; i++) {
                start[i] = value(offsets, done + i);
            }
            for (int i = 0; i < batch; i++) {
                long bytes = value(counts, done + i);
                if (start[i] < 0 || bytes < 0 || start[i] > in.length() - bytes) {
                    throw new ImageFormatException("truncated or corrupt TIFF: "
                            + (tiled ? "tile " : "strip ") + (done + i) + " of page " + index
                            + " lies outside the file (offset " + start[i] + ", " + bytes
                            + " bytes; the file has " + in.length() + ")");
                }
                stored += bytes;
            }
        }
        long compression = number(tags, COMPRESSION, 0, 1);
        int sampleBytes = Math.max(1, typeBits(type) / 8);
        long needed = width * height * sampleBytes;
        long limit = compression == 1 ? stored : stored * MAX_EXPANSION;
        if (needed > limit) {
            throw new ImageFormatException("truncated or corrupt TIFF: page " + index + " is "
                    + width + "x" + height + " but stores only " + stored + " bytes");
        }
    }

    private static int typeBits(PixelType type) {
        return switch (type) {
            case UINT8, INT8 -> 8;
            case UINT16, INT16 -> 16;
            case FLOAT64 -> 64;
            default -> 32;
        };
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static PixelType pixelType(long bits, long format) throws ImageFormatException {
        if (bits < 8) {
            throw new ImageFormatException(bits
                    + "-bit samples are not supported; use 8, 16 or 32 bits");
        }
        if (format == 3) {
            return switch ((int) bits) {
                case 16, 32 -> PixelType.FLOAT32;
                case 64 -> PixelType.FLOAT64;
                default -> throw new ImageFormatException(bits + "-bit floating point samples"
                        + " are not supported");
            };
        }
        if (format == 5 || format == 6) {
            throw new ImageFormatException("complex-valued TIFF; symseg segments real greyscale"
                    + " images only");
        }
        boolean signed = format == 2;
        return switch ((int) bits) {
            case 8 -> signed ? PixelType.INT8 : PixelType.UINT8;
            case 16 -> signed ? PixelType.INT16 : PixelType.UINT16;
            case 32 -> signed ? PixelType.INT32 : PixelType.UINT32;
            default -> throw new ImageFormatException(bits + "-bit integer samples are not"
                    + " supported; use 8, 16 or 32 bits");
        };
    }

    /**
     * DigitalMicrograph's own tags first, then ImageJ's ({@code unit=} in the description, the
     * resolution in pixels per unit), then a resolution in pixels per centimetre. Pixels per
     * inch is how printers and screens are described, not microscopes; it is ignored.
     */
    private Calibration calibration(Map<Integer, Entry> tags) throws IOException {
        if (tags.containsKey(DM_X_SCALE) && tags.containsKey(DM_Y_SCALE)) {
            return Calibration.of(real(tags, DM_X_SCALE), real(tags, DM_Y_SCALE),
                    text(tags, DM_X_UNIT));
        }
        if (!tags.containsKey(X_RESOLUTION) || !tags.containsKey(Y_RESOLUTION)) {
            return Calibration.NONE;
        }
        double x = 1 / real(tags, X_RESOLUTION);
        double y = 1 / real(tags, Y_RESOLUTION);
        String description = text(tags, DESCRIPTION);
        if (description.startsWith("ImageJ=")) {
            Matcher unit = IMAGEJ_UNIT.matcher(description);
            return unit.find() ? Calibration.of(x, y, unit.group(1)) : Calibration.NONE;
        }
        if (number(tags, RESOLUTION_UNIT, 0, 2) == 3) {
            return Calibration.of(x * 1e4, y * 1e4, "\u00b5m");
        }
        return Calibration.NONE;
    }

    private long number(Map<Integer, Entry> tags, int tag, long index, long absent)
            throws IOException {
        Entry entry = tags.get(tag);
        return entry == null || entry.count() <= index ? absent : value(entry, index);
    }

    /** An integer value of an entry. */
    private long value(Entry entry, long index) throws IOException {
        in.seek(entry.valueOffset() + index * typeSize(entry.type()));
        return switch (entry.type()) {
            case 1, 7 -> in.u8();
            case 6 -> in.s8();
            case 3 -> in.u16();
            case 8 -> in.s16();
            case 4, 13 -> in.u32();
            case 9 -> in.s32();
            case 16, 17, 18 -> in.s64();
            default -> throw new ImageFormatException("corrupt TIFF: a size or offset field of"
                    + " type " + entry.type());
        };
    }

    private double real(Map<Integer, Entry> tags, int tag) throws IOException {
        Entry entry = tags.get(tag);
        in.seek(entry.valueOffset());
        return switch (entry.type()) {
            case 5 -> (double) in.u32() / in.u32();
            case 10 -> (double) in.s32() / in.s32();
            case 11 -> in.f32();
            case 12 -> in.f64();
            default -> value(entry, 0);
        };
    }

    private String text(Map<Integer, Entry> tags, int tag) throws IOException {
        Entry entry = tags.get(tag);
        if (entry == null || entry.type() != 2) {
            return "";
        }
        in.seek(entry.valueOffset());
        byte[] bytes = in.bytes((int) Math.min(entry.count(), 16 * 1024));
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }
}
