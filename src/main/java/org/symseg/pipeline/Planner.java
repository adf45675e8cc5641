package org.symseg.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.symseg.config.SegmentConfig;
import org.symseg.dataset.Failure;
import org.symseg.dataset.FrameRef;
import org.symseg.dataset.InputSource;
import org.symseg.descriptor.Descriptor;
import org.symseg.descriptor.Quantizer;
import org.symseg.image.FrameReader;
import org.symseg.image.ImageFormatException;
import org.symseg.image.ImageHeader;
import org.symseg.tiling.StrideGrid;

/**
 * Driver side, before any Spark job: reads each input's headers (never its pixels), checks it can
 * be segmented with these settings, and lays out the run. Inputs that cannot be used become
 * failures; the others go on.
 */
public final class Planner {

    public record Planned(RunPlan plan, List<Failure> failures) {
    }

    private Planner() {
    }

    public static Planned plan(List<InputSource> sources, SegmentConfig config, FrameReader reader) {
        Descriptor descriptor = config.createDescriptor();
        List<InputPlan> inputs = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        long firstPoint = 0;
        for (int index = 0; index < sources.size(); index++) {
            InputSource source = sources.get(index);
            try {
                List<ImageHeader> headers = new ArrayList<>();
                for (String file : source.files()) {
                    headers.add(withFile(file, reader));
                }
                ImageHeader header = combined(source, headers);
                StrideGrid grid = new StrideGrid(header.width(), header.height(), config.stride(),
                        descriptor.reach());
                if (!grid.fits()) {
                    failures.add(new Failure(source.path(), header.width() + "x" + header.height()
                            + " is smaller than the descriptor's reach allows: at least "
                            + grid.minimumSize() + "x" + grid.minimumSize() + " is needed for reach "
                            + grid.reach() + " (" + config.descriptorSettings() + ")"));
                    continue;
                }
                Quantizer[] quantizers = new Quantizer[header.frames()];
                if (header.type().isExact16()) {
                    Arrays.fill(quantizers, Quantizer.exact(header.type()));
                }
                InputPlan input = new InputPlan(index, source, header, frames(headers), grid,
                        quantizers, firstPoint);
                inputs.add(input);
                firstPoint += input.points();
            } catch (Exception e) {
                failures.add(new Failure(failingFile(source, e), Failure.reasonOf(e)));
            }
        }
        return new Planned(new RunPlan(config, descriptor, reader, List.copyOf(inputs)), failures);
    }

    /** The header all files of a source share, with the frame count of all of them. */
    private static ImageHeader combined(InputSource source, List<ImageHeader> headers)
            throws ImageFormatException {
        ImageHeader first = headers.get(0);
        int frames = 0;
        for (ImageHeader header : headers) {
            if (header.width() != first.width() || header.height() != first.height()
                    || header.type() != first.type()) {
                throw new SourceException(header.path(), "is " + header.width() + "x"
                        + header.height() + " " + header.type() + " but the series began "
                        + first.width() + "x" + first.height() + " " + first.type()
                        + "; all frames must match");
            }
            frames += header.frames();
        }
        return new ImageHeader(source.path(), first.width(), first.height(), frames, first.type(),
                first.calibration());
    }

    private static List<FrameRef> frames(List<ImageHeader> headers) {
        List<FrameRef> frames = new ArrayList<>();
        for (ImageHeader header : headers) {
            for (int page = 0; page < header.frames(); page++) {
                frames.add(new FrameRef(header.path(), page));
            }
        }
        return frames;
    }

    private static ImageHeader withFile(String file, FrameReader reader) throws java.io.IOException {
        try {
            return reader.header(file);
        } catch (ImageFormatException e) {
            throw new SourceException(file, e.getMessage());
        }
    }

    private static String failingFile(InputSource source, Exception e) {
        return e instanceof SourceException s && source.files().size() > 1 ? s.file : source.path();
    }

    /** A problem with one file of a source, remembered with that file's path. */
    private static final class SourceException extends ImageFormatException {
        private final String file;

        SourceException(String file, String reason) {
            super(reason);
            this.file = file;
        }
    }
}
