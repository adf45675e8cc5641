package org.symseg.image;

import java.io.IOException;
import javax.imageio.stream.ImageInputStreamImpl;
import org.apache.hadoop.fs.FSDataInputStream;

/** Lets ImageIO readers seek in a file of any Hadoop FileSystem without caching it whole. */
final class HadoopImageInputStream extends ImageInputStreamImpl {

    private final FSDataInputStream in;
    private final long length;

    HadoopImageInputStream(FSDataInputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= length) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            streamPos++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= length) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, length - streamPos));
        if (n > 0) {
            streamPos += n;
        }
        return n;
    }

    @Override
    public void seek(long pos) throws IOException {
        checkClosed();
        if (pos < flushedPos) {
            throw new IndexOutOfBoundsException("seek before flushed position");
        }
        bitOffset = 0;
        // seeking past the end is allowed; the next read then reports end of file
        if (pos <= length) {
            in.seek(pos);
        }
        streamPos = pos;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        super.close();
        in.close();
    }
}
