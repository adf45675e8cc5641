package org.symseg.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.symseg.image.ImageHeader;
import org.symseg.image.TiffWriter;
import org.symseg.image.Rect;
import org.symseg.image.Storage;
import org.symseg.report.Overlay;
import org.symseg.tiling.Upsampler;

/**
 * Assembles an input's label tiles into full label maps and writes its outputs into a temporary
 * directory that is renamed to {@code OUT/NAME} only when complete, so outputs appear whole or
 * not at all.
 */
final class InputWriter {

    static final String LABELS = "labels.tif";
    static final String OVERLAY = "overlay.png";

    private InputWriter() {
    }

    static InputResult write(RunPlan plan, int index, Iterable<LabelTile> tiles, int patterns,
            String outDir, String runId) {
        InputPlan input = plan.input(index);
        ImageHeader header = input.header();
        String target = Storage.child(outDir, input.outputName());
        String partial = Storage.child(outDir, "." + input.outputName() + ".partial-" + runId);
        try {
            int size = header.width() * header.height();
            short[][] frames = new short[header.frames()][size];
            for (LabelTile t : tiles) {
                Upsampler.place(t.tile(), t.labels(), frames[t.tile().frame()], header.width());
            }
            Storage.delete(partial);
            Storage.mkdirs(partial);
            try (OutputStream out = Storage.create(Storage.child(partial, LABELS))) {
                List<BufferedImage> pages = new ArrayList<>();
                for (short[] frame : frames) {
                    pages.add(TiffWriter.labels(frame, header.width(), header.height(), patterns));
                }
                TiffWriter.write(out, pages, header.calibration());
            }
            float[] first = plan.reader().read(input.path(), 0,
                    new Rect(0, 0, header.width(), header.height()));
            try (OutputStream out = Storage.create(Storage.child(partial, OVERLAY))) {
                ImageIO.write(Overlay.render(first, frames[0], header.width(), header.height()),
                        "png", out);
            }
            Storage.replace(partial, target);
            return new InputResult(index, input.path(), target, fractions(frames, patterns), null);
        } catch (Exception e) {
            try {
                Storage.delete(partial);
            } catch (IOException ignored) {
                // the failure below is what the user needs to see
            }
            return new InputResult(index, input.path(), null, null, Failure.reasonOf(e));
        }
    }

    private static double[] fractions(short[][] frames, int patterns) {
        long[] counts = new long[patterns];
        long total = 0;
        for (short[] frame : frames) {
            for (short label : frame) {
                counts[label]++;
            }
            total += frame.length;
        }
        double[] fractions = new double[patterns];
        for (int i = 0; i < patterns; i++) {
            fractions[i] = (double) counts[i] / total;
        }
        return fractions;
    }
}
