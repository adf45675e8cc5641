package org.symseg.image;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;

/**
 * Reads binary headers from a file of any Hadoop FileSystem: positional reads through a small
 * buffer, in either byte order. Every read is checked against the file's length, so a corrupt
 * offset or count ends in an {@link ImageFormatException}, never in a huge allocation or a read
 * past the end.
 */
final class ByteReader implements Closeable {

    private static final int BUFFER = 64 * 1024;
    /** Headers are small and scattered (TIA puts one before each frame): read little at a time. */
    private static final int CHUNK = 8 * 1024;
    /**
     * Compressed blocks a region needs usually lie one after another in the file (strips of a
     * few rows, a row of tiles): on HDFS or S3 they are read through a window of this size, a
     * request per window rather than per block.
     */
    private static final int BLOCK_WINDOW = 1024 * 1024;

    private final FSDataInputStream in;
    private final long length;
    private final long modified;
    /** On this machine's file system: small reads are cheap there, each one a request elsewhere. */
    private final boolean local;
    /** Names the format in messages: "truncated or corrupt TIFF: ...". */
    private final String format;
    /** On a remote file system, the window compressed blocks are read through, once one is. */
    private ReadWindow blocks;
    private final byte[] buffer = new byte[BUFFER];
    private final ByteBuffer view = ByteBuffer.wrap(buffer);
    private long bufferStart;
    private int bufferLength;
    private long position;

    private ByteReader(FSDataInputStream in, long length, long modified, boolean local, String format) {
        this.in = in;
        this.length = length;
        this.modified = modified;
        this.local = local;
        this.format = format;
    }

    /** Opens a regular, non-empty file whose format is named so in messages. */
    static ByteReader open(String path, String format) throws IOException {
        return open(path, format, Storage.status(path));
    }

    /** The same, for a file whose status is known. */
    static ByteReader open(String path, String format, FileStatus status) throws IOException {
        checkImageFile(status);
        return new ByteReader(Storage.open(path), status.getLen(), status.getModificationTime(),
                Storage.isLocal(path), format);
    }

    /** Refuses what cannot be an image: a directory, an empty file. */
    static void checkImageFile(FileStatus status) throws ImageFormatException {
        if (status.isDirectory()) {
            throw new ImageFormatException("is a directory, not an image");
        }
        if (status.getLen() == 0) {
            throw new ImageFormatException("empty file");
        }
    }

    String format() {
        return format;
    }

    boolean local() {
        return local;
    }

    long length() {
        return length;
    }

    /** The file's modification time, in milliseconds since the epoch, when it was opened. */
    long modified() {
        return modified;
    }

    long position() {
        return position;
    }

    ByteReader order(ByteOrder order) {
        view.order(order);
        return this;
    }

    ByteOrder order() {
        return view.order();
    }

    /** Moves to an absolute offset, which must lie inside the file. */
    ByteReader seek(long offset) throws ImageFormatException {
        if (offset < 0 || offset > length) {
            throw new ImageFormatException("truncated or corrupt " + format + ": offset "
                    + offset + " lies outside the file (" + length + " bytes)");
        }
        position = offset;
        return this;
    }

    void skip(long bytes) throws ImageFormatException {
        if (bytes < 0) {
            throw new ImageFormatException("corrupt " + format + ": negative length " + bytes);
        }
        require(bytes);
        position += bytes;
    }

    long remaining() {
        return length - position;
    }

    /** Fails unless {@code bytes} more bytes follow the current position. */
    void require(long bytes) throws ImageFormatException {
        if (bytes > length - position) {
            throw truncated(position, bytes);
        }
    }

    ImageFormatException truncated(long at, long bytes) {
        return new ImageFormatException("truncated or corrupt " + format + ": " + bytes
                + " bytes are needed at offset " + at + " but the file has " + length);
    }

    int u8() throws IOException {
        return view.get(fill(1)) & 0xff;
    }

    byte s8() throws IOException {
        return view.get(fill(1));
    }

    short s16() throws IOException {
        return view.getShort(fill(2));
    }

    int u16() throws IOException {
        return s16() & 0xffff;
    }

    int s32() throws IOException {
        return view.getInt(fill(4));
    }

    long u32() throws IOException {
        return s32() & 0xffffffffL;
    }

    long s64() throws IOException {
        return view.getLong(fill(8));
    }

    float f32() throws IOException {
        return view.getFloat(fill(4));
    }

    double f64() throws IOException {
        return view.getDouble(fill(8));
    }

    /** A short run of bytes (a name, a magic number); never more than the buffer holds. */
    byte[] bytes(int count) throws IOException {
        if (count < 0 || count > BUFFER) {
            throw new ImageFormatException("corrupt " + format + ": a field of " + count
                    + " bytes");
        }
        byte[] out = new byte[count];
        int at = fill(count);
        System.arraycopy(buffer, at, out, 0, count);
        return out;
    }

    /** Fills {@code target} from {@code offset} straight from the file, bypassing the buffer. */
    void readFully(long offset, byte[] target, int count) throws IOException {
        if (offset < 0 || count > length - offset) {
            throw truncated(offset, count);
        }
        try {
            in.readFully(offset, target, 0, count);
        } catch (EOFException e) {
            throw truncated(offset, count);
        }
    }

    /** Reads of this file through a window of {@code bytes}. */
    ReadWindow window(int bytes) {
        return new ReadWindow(in, length, bytes);
    }

    /** The {@code count} bytes of a block at {@code offset}, through the block window on a remote file system. */
    byte[] block(long offset, int count) throws IOException {
        if (offset < 0 || count < 0 || count > length - offset) {
            throw truncated(offset, count);
        }
        byte[] out = new byte[count];
        if (local) {
            readFully(offset, out, count);
        } else {
            if (blocks == null) {
                blocks = window(BLOCK_WINDOW);
            }
            try {
                blocks.read(offset, out, 0, count);
            } catch (EOFException e) {
                throw truncated(offset, count);
            }
        }
        return out;
    }

    /** Makes {@code count} bytes at the position available in the buffer; returns their index. */
    private int fill(int count) throws IOException {
        require(count);
        if (position < bufferStart || position + count > bufferStart + bufferLength) {
            bufferStart = position;
            bufferLength = (int) Math.min(Math.max(CHUNK, count), length - position);
            readFully(bufferStart, buffer, bufferLength);
        }
        int at = (int) (position - bufferStart);
        position += count;
        return at;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
