package org.symseg.dataset;

import java.io.Serializable;
import java.util.List;

/**
 * {@code OUT/NAME/result.json}: what an input's outputs were made from (its files' fingerprints,
 * the settings and the model, by hash) and the area fraction of each pattern in each frame.
 * Written inside the input's output directory, so it appears and disappears with the outputs.
 */
public record InputRecord(String input, String settings, String model, List<FileFingerprint> files,
        int width, int height, double[][] fractions) implements Serializable {

    public static final String FILE = "result.json";
}
