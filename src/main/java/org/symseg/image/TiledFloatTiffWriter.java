package org.symseg.image;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a single-page 32-bit float TIFF in uncompressed square tiles, in any order, one tile in
 * memory at a time: how symseg makes benchmark images larger than memory. Tiles are the layout
 * large microscopy images use, and a region read touches only the tiles it overlaps.
 */
public final class TiledFloatTiffWriter implements Closeable {

    private static final int HEADER = 8;
    private static final int ENTRIES = 11;

    private final RandomAccessFile file;
    private final int width;
    private final int height;
    private final int tile;
    private final int across;
    private final long dataStart;

    public TiledFloatTiffWriter(File target, int width, int height, int tile) throws IOException {
        if (tile % 16 != 0) {
            throw new IllegalArgumentException("TIFF tiles are multiples of 16 pixels, not " + tile);
        }
        this.width = width;
        this.height = height;
        this.tile = tile;
        this.across = (width + tile - 1) / tile;
        int down = (height + tile - 1) / tile;
        int tiles = across * down;
        long tileBytes = 4L * tile * tile;
        long directory = HEADER;
        long offsetsAt = directory + 2 + ENTRIES * 12L + 4;
        long countsAt = offsetsAt + 4L * tiles;
        dataStart = countsAt + 4L * tiles;
        if (dataStart + tiles * tileBytes > 0xffffffffL) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " floats needs BigTIFF");
        }
        file = new RandomAccessFile(target, "rw");
        file.setLength(0);
        ByteBuffer head = ByteBuffer.allocate((int) dataStart).order(ByteOrder.LITTLE_ENDIAN);
        head.put(new byte[] {'I', 'I', 42, 0}).putInt((int) directory);
        head.putShort((short) ENTRIES);
        TiffEntries.put(head, 256, TiffEntries.LONG, 1, width);
        TiffEntries.put(head, 257, TiffEntries.LONG, 1, height);
        TiffEntries.put(head, 258, TiffEntries.SHORT, 1, 32);
        TiffEntries.put(head, 259, TiffEntries.SHORT, 1, 1);
        TiffEntries.put(head, 262, TiffEntries.SHORT, 1, 1);
        TiffEntries.put(head, 277, TiffEntries.SHORT, 1, 1);
        TiffEntries.put(head, 322, TiffEntries.LONG, 1, tile);
        TiffEntries.put(head, 323, TiffEntries.LONG, 1, tile);
        TiffEntries.put(head, 324, TiffEntries.LONG, tiles, tiles == 1 ? dataStart : offsetsAt);
        TiffEntries.put(head, 325, TiffEntries.LONG, tiles, tiles == 1 ? tileBytes : countsAt);
        TiffEntries.put(head, 339, TiffEntries.SHORT, 1, 3);
        head.putInt(0);
        for (int t = 0; t < tiles; t++) {
            head.putInt((int) (dataStart + t * tileBytes));
        }
        for (int t = 0; t < tiles; t++) {
            head.putInt((int) tileBytes);
        }
        file.write(head.array());
        file.setLength(dataStart + tiles * tileBytes);
    }

    public int tileSize() {
        return tile;
    }

    /** Tile (tx, ty): tile x tile samples row by row; parts beyond the image are ignored. */
    public void writeTile(int tx, int ty, float[] samples) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(4 * tile * tile).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(samples, 0, tile * tile);
        file.seek(dataStart + (long) (ty * across + tx) * 4L * tile * tile);
        file.write(data.array());
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
