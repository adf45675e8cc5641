package org.symseg.image;

import java.io.IOException;

/**
 * A {@link FrameReader} that works on a file someone has opened already, as every format's reader
 * does: {@link AnyFormatReader} asks for the file's status once, to know its format, and opens
 * it once for the reader, so a tile read costs one status request and one open (on S3, one HEAD
 * and one GET fewer than asking again).
 */
interface OpenedFileReader extends FrameReader {

    /** The format's name in messages ("truncated or corrupt TIFF: ..."). */
    String format();

    ImageHeader header(String path, ByteReader in) throws IOException;

    float[] read(String path, ByteReader in, int frame, Rect region) throws IOException;

    @Override
    default ImageHeader header(String path) throws IOException {
        try (ByteReader in = ByteReader.open(path, format())) {
            return header(path, in);
        }
    }

    @Override
    default float[] read(String path, int frame, Rect region) throws IOException {
        try (ByteReader in = ByteReader.open(path, format())) {
            return read(path, in, frame, region);
        }
    }
}
