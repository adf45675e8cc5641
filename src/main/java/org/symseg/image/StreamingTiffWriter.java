package org.symseg.image;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes a greyscale 8- or 16-bit TIFF row by row, page after page, holding only one strip in
 * memory, so a label map far larger than memory can be written as its rows are produced. Strips
 * of {@link #ROWS_PER_STRIP} rows, Deflate-compressed (TIFF compression 8, which Fiji and
 * tifffile read), with the input's calibration as resolution tags and an ImageJ unit. Written into a local file, because each page's directory comes after its data
 * and the previous page's link to it is filled in afterwards.
 */
public final class StreamingTiffWriter implements Closeable {

    static final int ROWS_PER_STRIP = 32;


    private final RandomAccessFile file;
    private final Calibration calibration;
    /**
     * Level 1: label maps are long runs, which the fastest level already packs tightly (hea-twins'
     * 1024² map: 19 KB in 1.2 ms, against 12.5 KB in 8 ms at level 6).
     */
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private long linkToNextPage = 4; // the header's first-directory offset
    private int width;
    private int height;
    private int bytesPerSample;
    private byte[] strip;
    private int rowsInStrip;
    private int rowsWritten;
    private final List<long[]> strips = new ArrayList<>(); // {offset, byteCount}

    /** A writer whose pages carry the calibration as resolution tags and an ImageJ unit. */
    public StreamingTiffWriter(File target, Calibration calibration) throws IOException {
        this.calibration = calibration;
        file = new RandomAccessFile(target, "rw");
        file.setLength(0);
        file.write(new byte[] {'I', 'I', 42, 0, 0, 0, 0, 0});
    }

    public void beginPage(int width, int height, int bitsPerSample) {
        if (bitsPerSample != 8 && bitsPerSample != 16) {
            throw new IllegalArgumentException("8 or 16 bits per sample, not " + bitsPerSample);
        }
        this.width = width;
        this.height = height;
        this.bytesPerSample = bitsPerSample / 8;
        this.strip = new byte[ROWS_PER_STRIP * width * bytesPerSample];
        this.rowsInStrip = 0;
        this.rowsWritten = 0;
        strips.clear();
    }

    /** The next {@code rows} rows of the page, row by row; values must fit the sample size. */
    public void writeRows(short[] values, int rows) throws IOException {
        if (rowsWritten + rows > height) {
            throw new IllegalStateException("page has " + height + " rows, got " + (rowsWritten + rows));
        }
        for (int r = 0; r < rows; r++) {
            int at = rowsInStrip * width * bytesPerSample;
            for (int x = 0; x < width; x++) {
                int v = values[r * width + x] & 0xffff;
                if (bytesPerSample == 1) {
                    strip[at + x] = (byte) v;
                } else {
                    strip[at + 2 * x] = (byte) v;
                    strip[at + 2 * x + 1] = (byte) (v >>> 8);
                }
            }
            rowsInStrip++;
            rowsWritten++;
            if (rowsInStrip == ROWS_PER_STRIP) {
                flushStrip();
            }
        }
    }

    public void endPage() throws IOException {
        if (rowsWritten != height) {
            throw new IllegalStateException("page has " + height + " rows, " + rowsWritten + " written");
        }
        if (rowsInStrip > 0) {
            flushStrip();
        }
        writeDirectory();
    }

    private void flushStrip() throws IOException {
        deflater.reset();
        deflater.setInput(strip, 0, rowsInStrip * width * bytesPerSample);
        deflater.finish();
        byte[] buffer = new byte[8192];
        long offset = file.length();
        file.seek(offset);
        long count = 0;
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            file.write(buffer, 0, n);
            count += n;
        }
        strips.add(new long[] {offset, count});
        rowsInStrip = 0;
    }

    private void writeDirectory() throws IOException {
        int n = strips.size();
        long[] xResolution = calibration.known()
                ? TiffEntries.rational(1 / calibration.pixelWidth()) : new long[] {1, 1};
        long[] yResolution = calibration.known()
                ? TiffEntries.rational(1 / calibration.pixelHeight()) : new long[] {1, 1};
        String unit = calibration.known() ? TiffEntries.imageJUnit(calibration.unit()) : null;
        byte[] description = unit != null && linkToNextPage == 4
                ? ("ImageJ=1.11a\nunit=" + unit + "\n\0").getBytes(StandardCharsets.US_ASCII) : null;
        // values too long for a directory entry go first, then the directory
        long dataStart = align(file.length());
        long offsetsAt = dataStart;
        long countsAt = offsetsAt + 4L * n;
        long resolutionAt = countsAt + 4L * n;
        long descriptionAt = resolutionAt + 16;
        long directoryAt = align(descriptionAt + (description == null ? 0 : description.length));
        int entries = description == null ? 12 : 13;
        ByteBuffer out = ByteBuffer.allocate((int) (directoryAt - dataStart) + 2 + entries * 12 + 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (long[] s : strips) {
            out.putInt((int) s[0]);
        }
        for (long[] s : strips) {
            out.putInt((int) s[1]);
        }
        out.putInt((int) xResolution[0]).putInt((int) xResolution[1]);
        out.putInt((int) yResolution[0]).putInt((int) yResolution[1]);
        if (description != null) {
            out.put(description);
        }
        out.position((int) (directoryAt - dataStart));
        out.putShort((short) entries);
        TiffEntries.put(out, 256, TiffEntries.LONG, 1, width);
        TiffEntries.put(out, 257, TiffEntries.LONG, 1, height);
        TiffEntries.put(out, 258, TiffEntries.SHORT, 1, bytesPerSample * 8);
        TiffEntries.put(out, 259, TiffEntries.SHORT, 1, 8);
        TiffEntries.put(out, 262, TiffEntries.SHORT, 1, 1);
        if (description != null) {
            TiffEntries.put(out, 270, TiffEntries.ASCII, description.length, descriptionAt);
        }
        TiffEntries.put(out, 273, TiffEntries.LONG, n, n == 1 ? strips.get(0)[0] : offsetsAt);
        TiffEntries.put(out, 277, TiffEntries.SHORT, 1, 1);
        TiffEntries.put(out, 278, TiffEntries.LONG, 1, ROWS_PER_STRIP);
        TiffEntries.put(out, 279, TiffEntries.LONG, n, n == 1 ? strips.get(0)[1] : countsAt);
        TiffEntries.put(out, 282, TiffEntries.RATIONAL, 1, resolutionAt);
        TiffEntries.put(out, 283, TiffEntries.RATIONAL, 1, resolutionAt + 8);
        TiffEntries.put(out, 296, TiffEntries.SHORT, 1, 1); // no absolute unit: the unit is ImageJ's
        out.putInt(0); // no next page yet
        if (directoryAt > 0xffffffffL) {
            throw new IOException("label TIFF would exceed 4 GiB");
        }
        file.seek(dataStart);
        file.write(out.array());
        file.seek(linkToNextPage);
        file.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) directoryAt).array());
        linkToNextPage = directoryAt + 2 + entries * 12L;
    }

    private static long align(long offset) {
        return (offset + 1) & ~1L;
    }

    @Override
    public void close() throws IOException {
        deflater.end();
        file.close();
    }
}
