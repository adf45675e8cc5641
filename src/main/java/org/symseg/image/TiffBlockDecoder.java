package org.symseg.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes a region of a TIFF frame straight from its blocks (tiles, or strips as full-width
 * blocks): only the blocks the region overlaps are read, and of uncompressed blocks only the
 * bytes of the region's rows. Memory is the region plus one block, whatever the image size.
 * Covers the encodings microscopy TIFFs use (none, LZW, Deflate, PackBits; no predictor, or
 * horizontal differencing of integer samples; one sample per pixel, 8 to 64 bits); everything
 * else goes through the general decoder.
 */
final class TiffBlockDecoder {

    private static final long NONE = 1;
    private static final long LZW = 5;
    private static final long DEFLATE = 8;
    private static final long DEFLATE_OLD = 32946;
    private static final long PACKBITS = 32773;

    private TiffBlockDecoder() {
    }

    static boolean canDecode(TiffStructure tiff, int frame) {
        TiffStructure.Blocks b = tiff.blocks(frame);
        boolean encoding = b.compression() == NONE || b.compression() == LZW || b.compression() == DEFLATE
                || b.compression() == DEFLATE_OLD || b.compression() == PACKBITS;
        StoredType type = storedType(b);
        boolean predictor = b.predictor() == 1 || b.predictor() == 2 && b.compression() != NONE
                && type != null && type.isInteger() && b.bits() <= 32;
        return encoding && predictor && b.planar() == 1 && b.fillOrder() == 1
                && type != null && b.blockWidth() > 0 && b.blockHeight() > 0
                && (long) b.blockWidth() * b.blockHeight() * (b.bits() / 8) <= Integer.MAX_VALUE;
    }

    static float[] read(TiffStructure tiff, ByteReader in, int frame, Rect region) throws IOException {
        return read(tiff, in, frame, region, SpacedRows.MAX_READ);
    }

    /** As above, reading at most {@code maxRead} bytes at once from an uncompressed block. */
    static float[] read(TiffStructure tiff, ByteReader in, int frame, Rect region, int maxRead)
            throws IOException {
        TiffStructure.Blocks b = tiff.blocks(frame);
        StoredType type = storedType(b);
        int bytes = type.bytes();
        int height = tiff.header().height();
        float[] out = new float[region.width() * region.height()];
        for (int by = region.y() / b.blockHeight(); by <= (region.endY() - 1) / b.blockHeight(); by++) {
            int blockTop = by * b.blockHeight();
            int rows = b.tiled() ? b.blockHeight() : Math.min(b.blockHeight(), height - blockTop);
            for (int bx = region.x() / b.blockWidth(); bx <= (region.endX() - 1) / b.blockWidth(); bx++) {
                int blockLeft = bx * b.blockWidth();
                long[] block = tiff.block(b, (long) by * b.across() + bx);
                int x0 = Math.max(region.x(), blockLeft);
                int x1 = Math.min(region.endX(), blockLeft + b.blockWidth());
                int y0 = Math.max(region.y(), blockTop);
                int y1 = Math.min(region.endY(), blockTop + rows);
                ByteBuffer raw;
                int rowStart;
                if (b.compression() == NONE) {
                    // just the region's part of each row
                    int rowBytes = b.blockWidth() * bytes;
                    int part = (x1 - x0) * bytes;
                    long first = block[0] + ((long) (y0 - blockTop) * b.blockWidth() + x0 - blockLeft) * bytes;
                    if (first + (long) (y1 - 1 - y0) * rowBytes + part > block[0] + block[1]) {
                        throw new ImageFormatException("truncated or corrupt TIFF: block "
                                + ((long) by * b.across() + bx) + " holds fewer bytes than its rows need");
                    }
                    SpacedRows.read(in, first, rowBytes, part, y1 - y0, tiff.order(), maxRead,
                            (r, bytesRead, at) -> copyRow(bytesRead, at, type, out,
                                    (y0 + r - region.y()) * region.width() + x0 - region.x(), x1 - x0));
                    continue;
                }
                raw = ByteBuffer.wrap(unpack(in, b, block, rows * b.blockWidth() * bytes)).order(tiff.order());
                if (b.predictor() == 2) {
                    undoDifferencing(raw, type, b.blockWidth(), rows);
                }
                for (int y = y0; y < y1; y++) {
                    rowStart = ((y - blockTop) * b.blockWidth() + x0 - blockLeft) * bytes;
                    copyRow(raw, rowStart, type, out, (y - region.y()) * region.width() + x0 - region.x(), x1 - x0);
                }
            }
        }
        return out;
    }

    private static void copyRow(ByteBuffer raw, int from, StoredType type, float[] out, int to, int count) {
        for (int i = 0; i < count; i++) {
            out[to + i] = type.decode(raw, from + i * type.bytes());
        }
    }

    /** A compressed block's samples, exactly {@code size} bytes of them. */
    private static byte[] unpack(ByteReader in, TiffStructure.Blocks b, long[] block, int size)
            throws IOException {
        if (block[1] > Integer.MAX_VALUE) {
            throw new ImageFormatException("corrupt TIFF: a block of " + block[1] + " bytes");
        }
        byte[] packed = in.block(block[0], (int) block[1]);
        byte[] raw = new byte[size];
        int produced = b.compression() == PACKBITS ? unpackBits(packed, raw)
                : b.compression() == LZW ? TiffLzw.decode(packed, raw) : inflate(packed, raw);
        if (produced < size) {
            throw new ImageFormatException("truncated or corrupt TIFF: a block decodes to "
                    + produced + " of its " + size + " bytes");
        }
        return raw;
    }

    private static int inflate(byte[] packed, byte[] raw) throws ImageFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            int produced = 0;
            while (produced < raw.length && !inflater.finished()) {
                int n = inflater.inflate(raw, produced, raw.length - produced);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                produced += n;
            }
            return produced;
        } catch (DataFormatException e) {
            throw new ImageFormatException("truncated or corrupt TIFF (bad Deflate data: "
                    + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    /** PackBits: a count byte n, then n + 1 literal bytes (n >= 0) or one byte repeated 1 - n times. */
    private static int unpackBits(byte[] packed, byte[] raw) {
        int in = 0;
        int out = 0;
        while (in < packed.length && out < raw.length) {
            int n = packed[in++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(packed.length - in, raw.length - out));
                System.arraycopy(packed, in, raw, out, count);
                in += n + 1;
                out += count;
            } else if (n != -128 && in < packed.length) {
                int count = Math.min(1 - n, raw.length - out);
                java.util.Arrays.fill(raw, out, out + count, packed[in++]);
                out += count;
            }
        }
        return out;
    }

    /**
     * Horizontal differencing (predictor 2): each sample after the first of a row was stored as
     * its difference from the one before, modulo the sample's width.
     */
    private static void undoDifferencing(ByteBuffer raw, StoredType type, int width, int rows) {
        int bytes = type.bytes();
        for (int r = 0; r < rows; r++) {
            int row = r * width * bytes;
            for (int x = 1; x < width; x++) {
                int at = row + x * bytes;
                int before = at - bytes;
                switch (bytes) {
                    case 1 -> raw.put(at, (byte) (raw.get(at) + raw.get(before)));
                    case 2 -> raw.putShort(at, (short) (raw.getShort(at) + raw.getShort(before)));
                    default -> raw.putInt(at, raw.getInt(at) + raw.getInt(before));
                }
            }
        }
    }

    private static StoredType storedType(TiffStructure.Blocks b) {
        long format = b.sampleFormat();
        return switch (b.bits()) {
            case 8 -> format == 2 ? StoredType.INT8 : format == 1 ? StoredType.UINT8 : null;
            case 16 -> format == 2 ? StoredType.INT16 : format == 1 ? StoredType.UINT16
                    : format == 3 ? StoredType.FLOAT16 : null;
            case 32 -> format == 2 ? StoredType.INT32 : format == 1 ? StoredType.UINT32
                    : format == 3 ? StoredType.FLOAT32 : null;
            case 64 -> format == 3 ? StoredType.FLOAT64 : null;
            default -> null;
        };
    }
}
