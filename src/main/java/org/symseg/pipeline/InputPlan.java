package org.symseg.pipeline;

import java.io.Serializable;
import java.util.List;
import org.symseg.dataset.FrameRef;
import org.symseg.dataset.InputSource;
import org.symseg.descriptor.Quantizer;
import org.symseg.image.ImageHeader;
import org.symseg.tiling.StrideGrid;

/**
 * One input of a run as the tasks see it: its source and output name, its frames (file and page
 * of each), the header they share, its stride grid, how each frame's samples are quantized, and
 * where its points start in the run's point order.
 */
public record InputPlan(int index, InputSource source, ImageHeader header, List<FrameRef> frames,
        StrideGrid grid, Quantizer[] quantizers, long firstPoint) implements Serializable {

    public String path() {
        return source.path();
    }

    public String outputName() {
        return source.name();
    }

    public FrameRef frame(int frame) {
        return frames.get(frame);
    }

    public long points() {
        return grid.points() * frames.size();
    }

    /** Position of a point in the run's fixed point order: input, frame, row, column. */
    public long ordinal(int frame, int ix, int iy) {
        return firstPoint + frame * grid.points() + (long) iy * grid.countX() + ix;
    }

    public InputPlan withQuantizers(Quantizer[] q) {
        return new InputPlan(index, source, header, frames, grid, q, firstPoint);
    }
}
