package org.symseg.dataset;

import java.io.Serializable;
import java.util.List;

/**
 * One logical input of a run: a file (all its pages are frames) or a series directory (its files,
 * in natural order, are the frames). {@code name} is where its outputs go, relative to
 * {@code --out}.
 */
public record InputSource(String name, String path, List<String> files) implements Serializable {

    public InputSource {
        files = List.copyOf(files);
    }

    public static InputSource file(String path) {
        return new InputSource(null, path, List.of(path));
    }

    public InputSource named(String outputName) {
        return new InputSource(outputName, path, files);
    }
}
