package org.symseg.dataset;

import java.io.Serializable;

/** An input that could not be segmented, and why, in one line. */
public record Failure(String path, String reason) implements Serializable {

    public static String reasonOf(Throwable e) {
        String message = e.getMessage();
        if (e instanceof org.symseg.image.ImageFormatException && message != null) {
            return message;
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
