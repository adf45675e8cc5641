package org.symseg.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;

/**
 * Reads any format symseg knows, choosing the reader from the file's first bytes (its magic
 * number), not its name: TIFF/BigTIFF, DM3/DM4, TIA SER, HDF5 (Velox EMD, EMD) and MRC. Only
 * MRC files from before MRC2000, which carry no stamp, are recognised by extension.
 */
public final class AnyFormatReader implements FrameReader {

    /**
     * File name endings of the formats read here: what a directory or glob picks up as images.
     * A file is still read by its content, whatever its name.
     */
    public static final Set<String> FILE_EXTENSIONS = Set.of("tif", "tiff", "dm3", "dm4", "ser",
            "mrc", "emd", "h5", "hdf5");

    private static final long serialVersionUID = 2L;
    /** Enough for every magic number, including an HDF5 signature behind a 2 KiB user block. */
    private static final int HEAD = 2048 + 8;

    /**
     * Formats of the files read last: each tile's read would otherwise open the file once more
     * for its first bytes.
     */
    private static final RememberedPerFile<Format> RECOGNISED = new RememberedPerFile<>(64);

    /** Of files holding one image per detector, the detector to read; empty: the default. */
    private final String detector;

    /** Reads HAADF images where a file holds several. */
    public AnyFormatReader() {
        this("");
    }

    /** Reads the images of {@code detector} (any case) where a file holds several; empty: HAADF. */
    public AnyFormatReader(String detector) {
        this.detector = detector;
    }

    @Override
    public ImageHeader header(String path) throws IOException {
        FileStatus status = Storage.status(path);
        OpenedFileReader reader = readerFor(path, status);
        try (ByteReader in = ByteReader.open(path, reader.format(), status)) {
            return reader.header(path, in);
        }
    }

    @Override
    public float[] read(String path, int frame, Rect region) throws IOException {
        FileStatus status = Storage.status(path);
        OpenedFileReader reader = readerFor(path, status);
        try (ByteReader in = ByteReader.open(path, reader.format(), status)) {
            return reader.read(path, in, frame, region);
        }
    }

    /** The reader for this file's format. */
    OpenedFileReader readerFor(String path) throws IOException {
        return readerFor(path, Storage.status(path));
    }

    private OpenedFileReader readerFor(String path, FileStatus status) throws IOException {
        ByteReader.checkImageFile(status);
        Format format = RECOGNISED.get(path, status.getLen(), status.getModificationTime());
        if (format == null) {
            format = Format.of(path, head(path));
            RECOGNISED.put(path, status.getLen(), status.getModificationTime(), format);
        }
        return switch (format) {
            case TIFF -> new TiffFrameReader();
            case DM -> new DmFrameReader();
            case SER -> new SerFrameReader();
            case HDF5 -> new Hdf5FrameReader(detector);
            case MRC -> new MrcFrameReader();
        };
    }

    private enum Format {
        TIFF, DM, SER, HDF5, MRC;

        static Format of(String path, byte[] head) throws ImageFormatException {
            if (TiffStructure.hasMagic(head)) {
                return TIFF;
            }
            if (DmTags.hasMagic(head)) {
                return DM;
            }
            if (SerFrameReader.hasMagic(head)) {
                return SER;
            }
            if (Hdf5FrameReader.hasMagic(head)) {
                return HDF5;
            }
            if (MrcFrameReader.hasStamp(head) || head.length >= MrcFrameReader.HEADER_BYTES
                    && path.toLowerCase(Locale.ROOT).matches(".*\\.(mrc|mrcs|st|ali|rec|map)$")) {
                return MRC;
            }
            throw new ImageFormatException("not a TIFF image, nor DM3/DM4, TIA SER, HDF5/EMD or"
                    + " MRC (unrecognised header)");
        }
    }

    private static byte[] head(String path) throws IOException {
        try (InputStream in = Storage.open(path)) {
            return in.readNBytes(HEAD);
        }
    }
}
