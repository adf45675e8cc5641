package org.symseg.image;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Positioned reads of a file through a window of it read at once, so that short reads close to
 * each other cost one request to HDFS or S3, not one each. A read longer than the window goes
 * straight to the file.
 */
final class ReadWindow {

    private final FSDataInputStream in;
    private final long size;
    private final byte[] window;
    private long start;
    private int length;

    ReadWindow(FSDataInputStream in, long size, int windowBytes) {
        this.in = in;
        this.size = size;
        this.window = new byte[(int) Math.min(windowBytes, size)];
    }

    /** Copies the {@code count} bytes at {@code position}, which lie inside the file, into target. */
    void read(long position, byte[] target, int offset, int count) throws IOException {
        if (count > window.length) {
            in.readFully(position, target, offset, count);
            return;
        }
        if (position < start || position + count > start + length) {
            start = Math.min(position, size - window.length);
            length = window.length;
            in.readFully(start, window, 0, length);
        }
        System.arraycopy(window, (int) (position - start), target, offset, count);
    }
}
