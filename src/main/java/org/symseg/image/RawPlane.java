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
        byte[] row = new byte[region.width() * sample];
        ByteBuffer rowView = ByteBuffer.wrap(row).order(order);
        float[] out = new float[(int) region.area()];
        int i = 0;
        for (int y = region.y(); y < region.endY(); y++) {
            long storedRow = bottomUp ? height - 1 - y : y;
            in.readFully(offset + (storedRow * width + region.x()) * sample, row, row.length);
            for (int at = 0; at < row.length; at += sample) {
                out[i++] = type.decode(rowView, at);
            }
        }
        return out;
    }
}
