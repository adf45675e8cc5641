package org.symseg.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes small TIFF and BigTIFF files for tests, in any sample type symseg reads, as strips or
 * tiles, uncompressed, Deflate or PackBits, with as many pages as given. Written here rather than
 * with an ImageIO writer because none writes signed bytes, unsigned 32-bit words or BigTIFF.
 */
final class TiffFixture {

    static final int NONE = 1;
    static final int LZW = 5;
    static final int DEFLATE = 8;
    static final int PACKBITS = 32773;

    private final ByteOrder order;
    private final boolean big;
    private final StoredType type;
    private final int compression;
    private final int tile;
    private final int rowsPerStrip;
    /** Predictor 2: integer samples stored as differences along each row of a block. */
    private final boolean differencing;

    /** {@code tile} > 0 writes tiles of that size, else strips of {@code rowsPerStrip} rows. */
    TiffFixture(ByteOrder order, boolean big, StoredType type, int compression, int tile,
            int rowsPerStrip) {
        this(order, big, type, compression, tile, rowsPerStrip, false);
    }

    private TiffFixture(ByteOrder order, boolean big, StoredType type, int compression, int tile,
            int rowsPerStrip, boolean differencing) {
        this.order = order;
        this.big = big;
        this.type = type;
        this.compression = compression;
        this.tile = tile;
        this.rowsPerStrip = rowsPerStrip;
        this.differencing = differencing;
    }

    /** The same layout with horizontal differencing (predictor 2). */
    TiffFixture differenced() {
        return new TiffFixture(order, big, type, compression, tile, rowsPerStrip, true);
    }

    /** The file for pages of width x height samples each. */
    byte[] write(int width, int height, List<double[]> pages) throws IOException {
        Out out = new Out(order);
        out.bytes(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        out.u16(big ? 43 : 42);
        if (big) {
            out.u16(8);
            out.u16(0);
        }
        long firstPointer = out.size();
        out.offset(big, 0);
        long previousPointer = firstPointer;
        for (double[] page : pages) {
            List<long[]> blocks = new ArrayList<>();
            for (byte[] block : blocks(width, height, page)) {
                blocks.add(new long[] {out.size(), block.length});
                out.bytes(block);
            }
            long[] written = directory(out, width, height, blocks);
            out.patch(previousPointer, big, written[0]);
            previousPointer = written[1];
        }
        return out.toByteArray();
    }

    private List<byte[]> blocks(int width, int height, double[] page) {
        List<byte[]> blocks = new ArrayList<>();
        if (tile > 0) {
            for (int ty = 0; ty < height; ty += tile) {
                for (int tx = 0; tx < width; tx += tile) {
                    blocks.add(compress(samples(page, width, height, tx, ty, tile, tile)));
                }
            }
        } else {
            for (int y = 0; y < height; y += rowsPerStrip) {
                int rows = Math.min(rowsPerStrip, height - y);
                blocks.add(compress(samples(page, width, height, 0, y, width, rows)));
            }
        }
        return blocks;
    }

    /** A w x h block at (x0, y0), padded with zeros beyond the image (tiles at the edges). */
    private byte[] samples(double[] page, int width, int height, int x0, int y0, int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(w * h * type.bytes()).order(order);
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                double v = x < width && y < height ? page[y * width + x] : 0;
                switch (type) {
                    case INT8, UINT8 -> b.put((byte) (long) v);
                    case INT16, UINT16 -> b.putShort((short) (long) v);
                    case INT32, UINT32 -> b.putInt((int) (long) v);
                    case FLOAT32 -> b.putFloat((float) v);
                    case FLOAT64 -> b.putDouble(v);
                    default -> throw new IllegalArgumentException(type.name());
                }
            }
        }
        if (differencing) {
            int n = type.bytes();
            for (int y = 0; y < h; y++) {
                for (int x = w - 1; x > 0; x--) {
                    int at = (y * w + x) * n;
                    switch (n) {
                        case 1 -> b.put(at, (byte) (b.get(at) - b.get(at - n)));
                        case 2 -> b.putShort(at, (short) (b.getShort(at) - b.getShort(at - n)));
                        default -> b.putInt(at, b.getInt(at) - b.getInt(at - n));
                    }
                }
            }
        }
        return b.array();
    }

    private byte[] compress(byte[] raw) {
        return switch (compression) {
            case DEFLATE -> deflate(raw);
            case PACKBITS -> packBits(raw);
            case LZW -> lzw(raw);
            default -> raw;
        };
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    /**
     * TIFF 6.0 LZW, written independently of the reader's decoder: codes most significant bit
     * first, 9 bits up to 12, one bit wider once the next free code reaches 2^bits (the reader
     * widens one code earlier, since its table lags one entry behind), a clear code when the
     * table is full.
     */
    private static byte[] lzw(byte[] raw) {
        BitWriter out = new BitWriter();
        java.util.Map<Integer, Integer> table = new java.util.HashMap<>();
        int width = 9;
        int next = 258;
        out.put(256, width);
        int current = -1;
        for (byte value : raw) {
            int k = value & 0xff;
            if (current < 0) {
                current = k;
                continue;
            }
            Integer known = table.get(current << 8 | k);
            if (known != null) {
                current = known;
                continue;
            }
            out.put(current, width);
            table.put(current << 8 | k, next++);
            if (next >= 1 << width && width < 12) {
                width++;
            }
            current = k;
            if (next >= 4093) {
                out.put(256, width);
                table.clear();
                width = 9;
                next = 258;
            }
        }
        if (current >= 0) {
            out.put(current, width);
            if (next + 1 >= 1 << width && width < 12) {
                width++;
            }
        }
        out.put(257, width);
        return out.bytes();
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long bits;
        private int held;

        void put(int code, int width) {
            bits = bits << width | code;
            held += width;
            while (held >= 8) {
                held -= 8;
                out.write((int) (bits >>> held) & 0xff);
            }
        }

        byte[] bytes() {
            if (held > 0) {
                out.write((int) (bits << (8 - held)) & 0xff);
            }
            return out.toByteArray();
        }
    }

    /** PackBits with runs of equal bytes and literal stretches, both kinds exercised. */
    private static byte[] packBits(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length) {
            int run = 1;
            while (i + run < raw.length && run < 128 && raw[i + run] == raw[i]) {
                run++;
            }
            if (run > 1) {
                out.write(1 - run);
                out.write(raw[i]);
                i += run;
            } else {
                int literal = 1;
                while (i + literal < raw.length && literal < 128
                        && (i + literal + 1 >= raw.length || raw[i + literal] != raw[i + literal + 1])) {
                    literal++;
                }
                out.write(literal - 1);
                out.write(raw, i, literal);
                i += literal;
            }
        }
        return out.toByteArray();
    }

    /** Writes one directory; returns its offset and where its next-directory pointer is. */
    private long[] directory(Out out, int width, int height, List<long[]> blocks) {
        List<long[]> entries = new ArrayList<>();
        int sampleFormat = switch (type) {
            case INT8, INT16, INT32 -> 2;
            case FLOAT32, FLOAT64 -> 3;
            default -> 1;
        };
        long[] offsets = blocks.stream().mapToLong(b -> b[0]).toArray();
        long[] counts = blocks.stream().mapToLong(b -> b[1]).toArray();
        int longType = big ? 16 : 4;
        entries.add(new long[] {256, 4, width});
        entries.add(new long[] {257, 4, height});
        entries.add(new long[] {258, 3, type.bytes() * 8L});
        entries.add(new long[] {259, 3, compression});
        entries.add(new long[] {262, 3, 1});
        entries.add(new long[] {277, 3, 1});
        if (tile > 0) {
            entries.add(new long[] {322, 3, tile});
            entries.add(new long[] {323, 3, tile});
        } else {
            entries.add(new long[] {278, 4, rowsPerStrip});
        }
        entries.add(new long[] {339, 3, sampleFormat});
        if (differencing) {
            entries.add(new long[] {317, 3, 2});
        }
        int offsetsTag = tile > 0 ? 324 : 273;
        int countsTag = tile > 0 ? 325 : 279;
        // value arrays go before the directory, which then points at them
        long offsetsAt = array(out, offsets, big);
        long countsAt = array(out, counts, big);
        if (out.size() % 2 == 1) {
            out.bytes(new byte[1]);
        }
        long ifd = out.size();
        List<long[]> all = new ArrayList<>(entries);
        all.add(new long[] {offsetsTag, longType, offsets.length, offsetsAt});
        all.add(new long[] {countsTag, longType, counts.length, countsAt});
        all.sort((a, b) -> Long.compare(a[0], b[0]));
        if (big) {
            out.u64(all.size());
        } else {
            out.u16(all.size());
        }
        for (long[] e : all) {
            out.u16((int) e[0]);
            out.u16((int) e[1]);
            boolean external = e.length == 4;
            long count = external ? e[2] : 1;
            if (big) {
                out.u64(count);
            } else {
                out.u32(count);
            }
            if (external && count > 1) {
                out.offset(big, e[3]);
            } else {
                long value = external ? (count == 1 ? firstValue(e, offsets, counts) : 0) : e[2];
                out.inline(big, (int) e[1], value);
            }
        }
        long next = out.size();
        out.offset(big, 0);
        return new long[] {ifd, next};
    }

    private static long firstValue(long[] entry, long[] offsets, long[] counts) {
        return entry[0] == 273 || entry[0] == 324 ? offsets[0] : counts[0];
    }

    private static long array(Out out, long[] values, boolean big) {
        long at = out.size();
        for (long v : values) {
            out.offset(big, v);
        }
        return at;
    }

    /** A growing byte buffer in one byte order, with back-patching of pointers. */
    private static final class Out {
        private final ByteOrder order;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<long[]> patches = new ArrayList<>();

        Out(ByteOrder order) {
            this.order = order;
        }

        long size() {
            return bytes.size();
        }

        void bytes(byte[] b) {
            bytes.write(b, 0, b.length);
        }

        void u16(int v) {
            bytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
        }

        void u32(long v) {
            bytes(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
        }

        void u64(long v) {
            bytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
        }

        void offset(boolean big, long v) {
            if (big) {
                u64(v);
            } else {
                u32(v);
            }
        }

        /** A value in the entry's value field, left-justified as TIFF wants. */
        void inline(boolean big, int type, long value) {
            ByteBuffer b = ByteBuffer.allocate(big ? 8 : 4).order(order);
            switch (type) {
                case 3 -> b.putShort((short) value);
                case 16 -> b.putLong(value);
                default -> b.putInt((int) value);
            }
            bytes(b.array());
        }

        void patch(long at, boolean big, long value) {
            patches.add(new long[] {at, big ? 8 : 4, value});
        }

        byte[] toByteArray() {
            byte[] patched = bytes.toByteArray();
            for (long[] p : patches) {
                ByteBuffer b = ByteBuffer.wrap(patched, (int) p[0], (int) p[1]).order(order);
                if (p[1] == 8) {
                    b.putLong(p[2]);
                } else {
                    b.putInt((int) p[2]);
                }
            }
            return patched;
        }
    }
}
