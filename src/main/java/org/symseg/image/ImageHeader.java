package org.symseg.image;

import java.io.Serializable;

/** What the driver learns of an input from its header alone: no pixels are read. */
public record ImageHeader(String path, int width, int height, int frames, PixelType type)
        implements Serializable {
}
