package org.symseg.image;

import java.io.IOException;

/**
 * An input that cannot be read as an image. The message says what is wrong in words a user
 * understands; the caller puts the file name in front of it.
 */
public class ImageFormatException extends IOException {

    public ImageFormatException(String reason) {
        super(reason);
    }

    public ImageFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
