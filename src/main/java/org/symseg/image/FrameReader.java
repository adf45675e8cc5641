package org.symseg.image;

import java.io.IOException;
import java.io.Serializable;

/**
 * Reads greyscale frames from image files. Implementations are serializable so that a Spark task
 * can take one along and read just the region it works on.
 */
public interface FrameReader extends Serializable {

    /** Dimensions, frame count and sample type, from the header only. */
    ImageHeader header(String path) throws IOException;

    /** The pixels of {@code region} of frame {@code frame}, row by row. */
    float[] read(String path, int frame, Rect region) throws IOException;
}
