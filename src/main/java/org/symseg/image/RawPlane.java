package org.symseg.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One uncompressed frame in a file: where it starts, its size, sample type and byte order, and
 * whether rows run bottom to top (TIA). Region reads fetch only the rows and columns asked for.
 */
record RawPlane(long offset, int width, int height, StoredType type, ByteOrder order,
        boolean bottomUp) {

    long bytes() {
        return (long) width * height * type.bytes();
    }

    /** Fails with a clear reason unless the whole frame lies inside a file of this length. */
    void checkInside(ByteReader file, String what) throws ImageFormatException {
        long fileLength = file.length();
        if (offset < 0 || offset > fileLength || bytes() > fileLength - offset) {
            throw new ImageFormatException("truncated or corrupt " + file.format() + ": " + what + " needs "
                    + bytes() + " bytes (" + width + "x" + height + " " + type
                    + ") at offset " + offset + " but the file has " + fileLength);
        }
    }

    float[] read(ByteReader in, Rect region) throws IOException {
        int sample = type.bytes();
        float[] out = new float[(int) region.area()];
        int w = region.width();
        // stored rows ascend through the file; bottom-up planes hold the region's last row first
        long lowestRow = bottomUp ? height - region.endY() : region.y();
        SpacedRows.read(in, offset + (lowestRow * width + region.x()) * sample, width * sample, w * sample,
                region.height(), order, SpacedRows.MAX_READ, (r, raw, at) -> {
                    int to = (bottomUp ? region.height() - 1 - r : r) * w;
                    for (int i = 0; i < w; i++) {
                        out[to + i] = type.decode(raw, at + i * sample);
                    }
                });
        return out;
    }
}
