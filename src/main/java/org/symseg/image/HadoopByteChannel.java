package org.symseg.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel over a file of any Hadoop FileSystem, for libraries that want one (jhdf).
 * Reads shorter than its window are served from a window of the file read at once: jhdf reads
 * headers a few bytes at a time, and a region of a contiguous dataset as one small read per
 * run of its fastest axis (per pixel for Velox's rows x columns x frames). Each of those was a
 * request of its own to HDFS or S3 (a 296 x 296 region of a 1024 x 1024 image: 11 s from a local
 * HDFS).
 */
final class HadoopByteChannel implements SeekableByteChannel {

    /** Window on this machine's disk, where a read is cheap, and on a remote file system. */
    static final int LOCAL_WINDOW = 64 * 1024;
    static final int REMOTE_WINDOW = 4 * 1024 * 1024;

    private final long size;
    private final ReadWindow window;
    private long position;
    private boolean open = true;

    /** Over the file {@code in} reads, which stays open until its owner closes it. */
    HadoopByteChannel(ByteReader in, int window) {
        this.size = in.length();
        this.window = in.window(window);
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        if (position >= size) {
            return -1;
        }
        int count = (int) Math.min(target.remaining(), size - position);
        byte[] bytes = new byte[count];
        window.read(position, bytes, 0, count);
        target.put(bytes);
        position += count;
        return count;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
