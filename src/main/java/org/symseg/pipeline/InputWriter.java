package org.symseg.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.symseg.dataset.Failure;
import org.symseg.dataset.FileFingerprint;
import org.symseg.dataset.FrameRef;
import org.symseg.dataset.InputRecord;
import org.symseg.dataset.Json;
import org.symseg.image.ImageHeader;
import org.symseg.image.Rect;
import org.symseg.image.Storage;
import org.symseg.image.TiffWriter;
import org.symseg.report.FractionPlot;
import org.symseg.report.Overlay;
import org.symseg.tiling.Upsampler;

/**
 * Assembles an input's label tiles into full label maps and writes its outputs into a temporary
 * directory that is renamed to {@code OUT/NAME} only when complete, so outputs appear whole or
 * not at all: labels.tif, overlay.png, fractions.png for series, and result.json last.
 */
final class InputWriter {

    static final String LABELS = "labels.tif";
    static final String OVERLAY = "overlay.png";
    static final String FRACTIONS = "fractions.png";

    private InputWriter() {
    }

    static InputResult write(RunPlan plan, int index, Iterable<LabelTile> tiles, OutputContext context) {
        InputPlan input = plan.input(index);
        ImageHeader header = input.header();
        String target = Storage.child(context.outDir(), input.outputName());
        String partial = partialName(context, input.outputName());
        try {
            int size = header.width() * header.height();
            short[][] frames = new short[header.frames()][size];
            for (LabelTile t : tiles) {
                Upsampler.place(t.tile(), t.labels(), frames[t.tile().frame()], header.width());
            }
            deleteStalePartials(context, input.outputName());
            Storage.mkdirs(partial);
            List<BufferedImage> pages = new ArrayList<>();
            for (short[] frame : frames) {
                pages.add(TiffWriter.labels(frame, header.width(), header.height(), context.patterns()));
            }
            try (OutputStream out = Storage.create(Storage.child(partial, LABELS))) {
                TiffWriter.write(out, pages);
            }
            FrameRef first = input.frame(0);
            float[] image = plan.reader().read(first.path(), first.page(),
                    new Rect(0, 0, header.width(), header.height()));
            writePng(Storage.child(partial, OVERLAY),
                    Overlay.render(image, frames[0], header.width(), header.height()));
            double[][] fractions = fractions(frames, context.patterns());
            if (frames.length > 1) {
                writePng(Storage.child(partial, FRACTIONS), FractionPlot.render(fractions));
            }
            List<FileFingerprint> files = new ArrayList<>();
            for (String file : input.source().files()) {
                files.add(FileFingerprint.full(file));
            }
            Json.write(Storage.child(partial, InputRecord.FILE), new InputRecord(input.path(),
                    context.settingsHash(), context.modelHash(), files, header.width(),
                    header.height(), fractions));
            Storage.replace(partial, target);
            return InputResult.written(index, input.path(), target, fractions);
        } catch (Exception e) {
            try {
                Storage.delete(partial);
            } catch (IOException ignored) {
                // the failure below is what the user needs to see
            }
            return InputResult.failed(index, input.path(), Failure.reasonOf(e));
        }
    }

    /** Hidden, per run, and beside the target, so the final rename stays on one filesystem. */
    static String partialName(OutputContext context, String name) {
        int slash = name.lastIndexOf('/');
        String leaf = "." + name.substring(slash + 1) + ".partial-" + context.runId();
        return Storage.child(context.outDir(), slash < 0 ? leaf : name.substring(0, slash + 1) + leaf);
    }

    /** Leftovers of runs killed while writing this input; they never carry a final name. */
    private static void deleteStalePartials(OutputContext context, String name) throws IOException {
        String partial = partialName(context, name);
        String parent = partial.substring(0, partial.lastIndexOf('/'));
        String prefix = partial.substring(partial.lastIndexOf('/') + 1, partial.lastIndexOf('-') + 1);
        for (String entry : Storage.list(parent)) {
            if (entry.startsWith(prefix)) {
                Storage.delete(Storage.child(parent, entry));
            }
        }
    }

    private static void writePng(String path, BufferedImage image) throws IOException {
        try (OutputStream out = Storage.create(path)) {
            ImageIO.write(image, "png", out);
        }
    }

    /** Area fraction of each pattern in each frame. */
    private static double[][] fractions(short[][] frames, int patterns) {
        double[][] fractions = new double[frames.length][patterns];
        for (int f = 0; f < frames.length; f++) {
            for (short label : frames[f]) {
                fractions[f][label]++;
            }
            for (int p = 0; p < patterns; p++) {
                fractions[f][p] /= frames[f].length;
            }
        }
        return fractions;
    }
}
