package org.symseg.pipeline;

import java.io.Serializable;

/**
 * What became of one input in a run: written (with the area fraction of each pattern per frame),
 * skipped because unchanged, or failed — with the reason for the last two.
 */
public record InputResult(int index, String path, Status status, String outputDir,
        double[][] fractions, String reason) implements Serializable {

    public enum Status { WRITTEN, SKIPPED, FAILED }

    static InputResult written(int index, String path, String outputDir, double[][] fractions) {
        return new InputResult(index, path, Status.WRITTEN, outputDir, fractions, null);
    }

    static InputResult skipped(int index, String path, String outputDir, double[][] fractions,
            String reason) {
        return new InputResult(index, path, Status.SKIPPED, outputDir, fractions, reason);
    }

    static InputResult failed(int index, String path, String reason) {
        return new InputResult(index, path, Status.FAILED, null, null, reason);
    }

    public boolean ok() {
        return status != Status.FAILED;
    }
}
