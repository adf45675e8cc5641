package org.symseg.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.symseg.config.SegmentConfig;
import org.symseg.descriptor.Descriptor;
import org.symseg.descriptor.Quantizer;
import org.symseg.image.FrameReader;
import org.symseg.image.ImageHeader;
import org.symseg.tiling.StrideGrid;

/**
 * Driver side, before any Spark job: reads each input's header (never its pixels), checks it can
 * be segmented with these settings, and lays out the run. Inputs that cannot be used become
 * failures; the others go on.
 */
public final class Planner {

    public record Planned(RunPlan plan, List<Failure> failures) {
    }

    private Planner() {
    }

    public static Planned plan(List<String> paths, SegmentConfig config, FrameReader reader) {
        Descriptor descriptor = config.createDescriptor();
        List<InputPlan> inputs = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<String, String> outputNames = new HashMap<>();
        long firstPoint = 0;
        for (int index = 0; index < paths.size(); index++) {
            String path = paths.get(index);
            try {
                ImageHeader header = reader.header(path);
                StrideGrid grid = new StrideGrid(header.width(), header.height(), config.stride(),
                        descriptor.reach());
                if (!grid.fits()) {
                    failures.add(new Failure(path, header.width() + "x" + header.height()
                            + " is smaller than the descriptor's reach allows: at least "
                            + grid.minimumSize() + "x" + grid.minimumSize() + " is needed for reach "
                            + grid.reach() + " (descriptor " + config.descriptor() + ")"));
                    continue;
                }
                String name = outputName(path);
                String earlier = outputNames.putIfAbsent(name, path);
                if (earlier != null) {
                    failures.add(new Failure(path, "output name '" + name
                            + "' is already taken by " + earlier + " in this run"));
                    continue;
                }
                Quantizer[] quantizers = new Quantizer[header.frames()];
                if (header.type().isExact16()) {
                    java.util.Arrays.fill(quantizers, Quantizer.exact(header.type()));
                }
                InputPlan input = new InputPlan(index, header, name, grid, quantizers, firstPoint);
                inputs.add(input);
                firstPoint += input.points();
            } catch (Exception e) {
                failures.add(new Failure(path, Failure.reasonOf(e)));
            }
        }
        return new Planned(new RunPlan(config, descriptor, reader, List.copyOf(inputs)), failures);
    }

    /** The file name without directories and extension. */
    static String outputName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
