package org.symseg.pipeline;

import java.io.Serializable;

/**
 * What became of one input: where its outputs are and the area fraction of each pattern over all
 * its frames, or why it failed.
 */
public record InputResult(int index, String path, String outputDir, double[] fractions, String error)
        implements Serializable {

    public boolean ok() {
        return error == null;
    }
}
