package org.symseg.pipeline;

import java.io.Serializable;
import org.symseg.descriptor.Quantizer;
import org.symseg.image.ImageHeader;
import org.symseg.tiling.StrideGrid;

/**
 * One input of a run as the tasks see it: its header, where its outputs go, its stride grid,
 * how each frame's samples are quantized, and where its points start in the run's point order.
 */
public record InputPlan(int index, ImageHeader header, String outputName, StrideGrid grid,
        Quantizer[] quantizers, long firstPoint) implements Serializable {

    public String path() {
        return header.path();
    }

    public long points() {
        return grid.points() * header.frames();
    }

    /** Position of a point in the run's fixed point order: input, frame, row, column. */
    public long ordinal(int frame, int ix, int iy) {
        return firstPoint + frame * grid.points() + (long) iy * grid.countX() + ix;
    }

    public InputPlan withQuantizers(Quantizer[] q) {
        return new InputPlan(index, header, outputName, grid, q, firstPoint);
    }
}
