package org.symseg.pipeline;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.symseg.dataset.Failure;
import org.symseg.dataset.FileFingerprint;
import org.symseg.dataset.FrameRef;
import org.symseg.dataset.InputRecord;
import org.symseg.dataset.Json;
import org.symseg.image.ImageHeader;
import org.symseg.image.PngWriter;
import org.symseg.image.Rect;
import org.symseg.image.Storage;
import org.symseg.image.StreamingTiffWriter;
import org.symseg.report.FractionPlot;
import org.symseg.report.OverlayCanvas;
import org.symseg.tiling.Upsampler;
import scala.Tuple2;

/**
 * Writes an input's outputs from its label tiles, streamed in frame and row order, into a
 * temporary directory that is renamed to {@code OUT/NAME} only when complete, so outputs appear
 * whole or not at all: labels.tif, overlay.png, fractions.png for series, and result.json. Memory
 * holds one band of tiles and the (size-capped) overlay, never a whole frame.
 */
final class InputWriter {

    static final String LABELS = "labels.tif";
    static final String OVERLAY = "overlay.png";
    static final String FRACTIONS = "fractions.png";
    /** Overlays of larger frames keep one pixel per block, to stay a viewable size. */
    static final int OVERLAY_MAX_SIDE = 2048;

    private InputWriter() {
    }

    /** Writes every input whose tiles come in {@code sorted}, one after the other. */
    static List<InputResult> writeAll(RunPlan plan, Iterator<Tuple2<TileKey, LabelTile>> sorted,
            OutputContext context) {
        List<InputResult> results = new ArrayList<>();
        TileStream tiles = new TileStream(sorted);
        while (tiles.peek() != null) {
            int input = tiles.peek().tile().input();
            results.add(write(plan, input, tiles, context));
            tiles.skipInput(input); // what a failed write left unread
        }
        return results;
    }

    private static InputResult write(RunPlan plan, int index, TileStream tiles, OutputContext context) {
        InputPlan input = plan.input(index);
        ImageHeader header = input.header();
        String target = Storage.child(context.outDir(), input.outputName());
        String partial = partialName(context, input.outputName());
        File local = null;
        try {
            deleteStalePartials(context, input.outputName());
            Storage.mkdirs(partial);
            local = File.createTempFile("symseg-labels-", ".tif");
            OverlayCanvas overlay = new OverlayCanvas(header.width(), header.height(), OVERLAY_MAX_SIDE);
            double[][] fractions = new double[header.frames()][context.patterns()];
            try (StreamingTiffWriter tiff = new StreamingTiffWriter(local, header.calibration())) {
                for (int frame = 0; frame < header.frames(); frame++) {
                    tiff.beginPage(header.width(), header.height(), context.patterns() <= 256 ? 8 : 16);
                    while (tiles.peek() != null && tiles.peek().tile().input() == index
                            && tiles.peek().tile().frame() == frame) {
                        writeBand(plan, input, frame, tiles, tiff, overlay, fractions[frame]);
                    }
                    tiff.endPage();
                    for (int p = 0; p < context.patterns(); p++) {
                        fractions[frame][p] /= (double) header.width() * header.height();
                    }
                }
            }
            try (OutputStream out = Storage.create(Storage.child(partial, LABELS))) {
                Files.copy(local.toPath(), out);
            }
            writePng(Storage.child(partial, OVERLAY), overlay.render(), PngWriter.Content.NOISY);
            if (header.frames() > 1) {
                writePng(Storage.child(partial, FRACTIONS), FractionPlot.render(fractions), PngWriter.Content.FLAT);
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
        } finally {
            if (local != null) {
                local.delete();
            }
        }
    }

    /**
     * One row of tiles: upsampled side by side into a full-width band, written, counted, and
     * (first frame only) drawn into the overlay with the image rows it covers.
     */
    private static void writeBand(RunPlan plan, InputPlan input, int frame, TileStream tiles,
            StreamingTiffWriter tiff, OverlayCanvas overlay, double[] counts) throws IOException {
        int width = input.header().width();
        LabelTile first = tiles.peek();
        int top = first.tile().core().y();
        int rows = first.tile().core().height();
        short[] band = new short[width * rows];
        while (tiles.peek() != null && tiles.peek().tile().input() == input.index()
                && tiles.peek().tile().frame() == frame && tiles.peek().tile().iy0() == first.tile().iy0()) {
            LabelTile tile = tiles.next();
            Upsampler.upsample(tile.tile(), input.grid(), tile.pointLabels(), band, width, 0, top);
        }
        tiff.writeRows(band, rows);
        count(band, counts);
        if (frame == 0) {
            FrameRef ref = input.frame(0);
            float[] image = plan.reader().read(ref.path(), ref.page(), new Rect(0, top, width, rows));
            overlay.addBand(top, rows, width, image, band);
        }
    }

    /**
     * Adds to {@code counts} how many of the band's pixels have each label. Four tallies per
     * label, taken in turn, so that a run of one label does not wait on one memory location at
     * every pixel (3.6 ms a 1024² frame with one tally, about 1 ms with four).
     */
    private static void count(short[] band, double[] counts) {
        long[] tally = new long[4 * counts.length];
        for (int i = 0; i < band.length; i++) {
            tally[4 * band[i] + (i & 3)]++;
        }
        for (int label = 0; label < counts.length; label++) {
            int at = 4 * label;
            counts[label] += tally[at] + tally[at + 1] + tally[at + 2] + tally[at + 3];
        }
    }

    /** The sorted label tiles of a partition, with a look at the next one. */
    private static final class TileStream {
        private final Iterator<Tuple2<TileKey, LabelTile>> sorted;
        private LabelTile next;

        TileStream(Iterator<Tuple2<TileKey, LabelTile>> sorted) {
            this.sorted = sorted;
            advance();
        }

        LabelTile peek() {
            return next;
        }

        LabelTile next() {
            LabelTile current = next;
            advance();
            return current;
        }

        void skipInput(int input) {
            while (next != null && next.tile().input() == input) {
                advance();
            }
        }

        private void advance() {
            next = sorted.hasNext() ? sorted.next()._2() : null;
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

    private static void writePng(String path, BufferedImage image, PngWriter.Content content)
            throws IOException {
        try (OutputStream out = Storage.create(path)) {
            PngWriter.write(image, out, content);
        }
    }
}
