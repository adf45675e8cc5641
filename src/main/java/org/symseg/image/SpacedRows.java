package org.symseg.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a region's part of each row of an uncompressed plane: equal parts at equal spacing in the
 * file. Parts that lie close together are read at once, the bytes between them included: on
 * HDFS or S3 every read is a request (a 296-row region of an uncompressed 1024-wide strip took
 * 296 of them, 40 ms, from a local HDFS), so there parts up to 64 KiB apart are joined. On this
 * machine's own disk a small read costs little and skipped bytes still cost copying (a 594-pixel
 * region of a 16384-wide float strip: 1.9 ms read row by row, 7.4 ms read whole), so there only
 * parts within a page of each other are joined.
 */
final class SpacedRows {

    /** Parts at most this far apart are read together, on a remote file system and on a local one. */
    static final int MAX_GAP = 64 * 1024;
    static final int LOCAL_GAP = 4 * 1024;
    /** Bytes read at most at once (one part, however long, is still one read). */
    static final int MAX_READ = 8 * 1024 * 1024;

    /** Receives each part: row {@code index} (0 for the one at the lowest offset) is in raw from {@code at}. */
    interface Sink {
        void row(int index, ByteBuffer raw, int at);
    }

    private SpacedRows() {
    }

    /**
     * Reads {@code rows} parts of {@code part} bytes, the first at {@code first} and each next one
     * {@code spacing} bytes further, at most {@code maxRead} bytes a read.
     */
    static void read(ByteReader in, long first, int spacing, int part, int rows, ByteOrder order, int maxRead,
            Sink sink) throws IOException {
        int perRead = spacing - part <= (in.local() ? LOCAL_GAP : MAX_GAP)
                ? (int) Math.max(1, Math.min(rows, ((long) maxRead - part) / spacing + 1)) : 1;
        ByteBuffer raw = ByteBuffer.allocate((perRead - 1) * spacing + part).order(order);
        for (int row = 0; row < rows; row += perRead) {
            int count = Math.min(perRead, rows - row);
            in.readFully(first + (long) row * spacing, raw.array(), (count - 1) * spacing + part);
            for (int r = 0; r < count; r++) {
                sink.row(row + r, raw, r * spacing);
            }
        }
    }
}
