package org.symseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.symseg.image.ImageHeader;
import org.symseg.image.Rect;
import org.symseg.image.TiffFrameReader;
import org.symseg.report.Evaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code symseg evaluate}: scores a label map against ground truth; no Spark. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares a label map (any integer TIFF, one page per frame) with a "
                + "ground-truth mask of the same size: matched accuracy under the best one-to-one "
                + "matching of labels to truth classes, adjusted Rand index, and each truth "
                + "class's intersection over union with its matched label.",
            "Prints a table; --csv also writes it as metric,truth,label,value rows."})
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LABELS", description = "Label map, e.g. OUT/NAME/labels.tif.")
    String labels;

    @Parameters(index = "1", paramLabel = "TRUTH", description = "Ground truth, one class value per pixel.")
    String truth;

    @Option(names = "--tolerance", paramLabel = "PX", description = "Leave out pixels within PX "
            + "pixels (square neighbourhood) of a truth boundary (default 0: score every pixel).")
    int tolerance;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the scores as CSV.")
    Path csv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Labels or classes a file may hold. */
    static final int MAX_CLASSES = 1000;

    /** A label map or mask as read: its header and integer frames. */
    private record ClassMap(ImageHeader header, List<int[]> frames) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (tolerance < 0) {
            err.println("symseg: --tolerance " + tolerance + ": must be 0 or more");
            return Main.USAGE;
        }
        ClassMap l;
        ClassMap t;
        try {
            l = read(labels);
            t = read(truth);
        } catch (UserError e) {
            err.println("symseg: " + e.getMessage());
            return Main.USAGE;
        }
        if (l.header().width() != t.header().width() || l.header().height() != t.header().height()
                || l.frames().size() != t.frames().size()) {
            err.println("symseg: " + truth + ": " + size(t) + " but " + labels + " is " + size(l)
                    + "; labels and truth must have the same size and frames");
            return Main.USAGE;
        }
        Evaluation result = Evaluation.of(l.frames(), t.frames(), l.header().width(), tolerance);
        print(out, result);
        if (csv != null) {
            try {
                Files.writeString(csv, csv(result), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("symseg: --csv " + csv + ": cannot write (" + e.getMessage() + ")");
                return Main.USAGE;
            }
        }
        return 0;
    }

    private static String size(ClassMap map) {
        int frames = map.frames().size();
        return map.header().width() + "x" + map.header().height() + (frames == 1 ? ", 1 frame" : ", " + frames + " frames");
    }

    private void print(PrintWriter out, Evaluation result) {
        out.printf(Locale.ROOT, "labels  %s%ntruth   %s%n", labels, truth);
        out.printf(Locale.ROOT, "scored  %d of %d pixels%s%n", result.scored(), result.pixels(),
                tolerance == 0 ? "" : " (tolerance " + tolerance + " px at truth boundaries)");
        out.printf(Locale.ROOT, "matched accuracy     %.4f%n", result.matchedAccuracy());
        out.printf(Locale.ROOT, "adjusted Rand index  %.4f%n", result.adjustedRand());
        out.printf(Locale.ROOT, "%-6s %-6s %12s %12s %7s%n", "truth", "label", "truth px", "label px", "IoU");
        for (Evaluation.PatternScore p : result.patterns()) {
            out.printf(Locale.ROOT, "%-6d %-6s %12d %12d %7.4f%n", p.truth(),
                    p.label() == null ? "-" : p.label().toString(), p.truthPixels(), p.labelPixels(), p.iou());
        }
    }

    private static String csv(Evaluation result) {
        StringBuilder s = new StringBuilder("metric,truth,label,value\n");
        s.append(String.format(Locale.ROOT, "matched_accuracy,,,%.6f%n", result.matchedAccuracy()));
        s.append(String.format(Locale.ROOT, "adjusted_rand_index,,,%.6f%n", result.adjustedRand()));
        s.append("scored_pixels,,,").append(result.scored()).append('\n');
        for (Evaluation.PatternScore p : result.patterns()) {
            s.append(String.format(Locale.ROOT, "iou,%d,%s,%.6f%n", p.truth(),
                    p.label() == null ? "" : p.label().toString(), p.iou()));
        }
        return s.toString();
    }

    private static ClassMap read(String path) throws UserError {
        TiffFrameReader reader = new TiffFrameReader();
        try {
            ImageHeader header = reader.header(path);
            List<int[]> frames = new ArrayList<>();
            Set<Integer> distinct = new HashSet<>();
            Rect all = new Rect(0, 0, header.width(), header.height());
            for (int f = 0; f < header.frames(); f++) {
                float[] values = reader.read(path, f, all);
                int[] classes = new int[values.length];
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > 1 << 24) {
                        throw new UserError(path + ": frame " + f + " holds " + values[i]
                                + "; a label map or mask holds whole numbers");
                    }
                    classes[i] = (int) values[i];
                    // an image given by mistake would make a table of values x values
                    if (distinct.add(classes[i]) && distinct.size() > MAX_CLASSES) {
                        throw new UserError(path + ": holds more than " + MAX_CLASSES
                                + " different values; is it an image rather than a label map or mask?");
                    }
                }
                frames.add(classes);
            }
            return new ClassMap(header, frames);
        } catch (IOException e) {
            throw new UserError(path + ": " + e.getMessage());
        }
    }

    /** A problem with an argument, said in one line. */
    private static final class UserError extends Exception {
        UserError(String message) {
            super(message);
        }
    }
}
