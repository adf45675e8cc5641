package org.symseg.image;

import java.io.Serializable;

/** What the driver learns of an input from its header alone: no pixels are read. */
public record ImageHeader(String path, int width, int height, int frames, PixelType type,
        Calibration calibration) implements Serializable {

    /** Frames larger than this do not fit the int-indexed arrays the pipeline assembles. */
    public static final long MAX_FRAME_PIXELS = Integer.MAX_VALUE - 8;

    /** A header without calibration. */
    public ImageHeader(String path, int width, int height, int frames, PixelType type) {
        this(path, width, height, frames, type, Calibration.NONE);
    }

    /**
     * A header read from a file, checked for sizes no image can have: readers call this before
     * anything is allocated or tiled from the header's numbers.
     */
    public static ImageHeader checked(String path, long width, long height, long frames,
            PixelType type, Calibration calibration) throws ImageFormatException {
        if (width < 1 || height < 1 || frames < 1) {
            throw new ImageFormatException("header gives an empty or negative size (" + width
                    + "x" + height + ", " + frames + " frames)");
        }
        if (width * height > MAX_FRAME_PIXELS || width > MAX_FRAME_PIXELS
                || height > MAX_FRAME_PIXELS) {
            throw new ImageFormatException("header gives an impossible size " + width + "x"
                    + height + " (more than 2^31 pixels per frame); the file is corrupt");
        }
        if (frames > Integer.MAX_VALUE) {
            throw new ImageFormatException("header gives an impossible frame count " + frames);
        }
        return new ImageHeader(path, (int) width, (int) height, (int) frames, type, calibration);
    }

    /** Checks that {@code region} of {@code frame} lies inside this image. */
    public void checkRegion(int frame, Rect region) throws ImageFormatException {
        if (frame < 0 || frame >= frames) {
            throw new ImageFormatException("frame " + frame + " does not exist (the file has "
                    + frames + ")");
        }
        if (region.x() < 0 || region.y() < 0 || region.endX() > width || region.endY() > height) {
            throw new ImageFormatException("region " + region + " lies outside the " + width + "x"
                    + height + " frame");
        }
    }
}
