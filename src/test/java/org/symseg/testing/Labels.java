package org.symseg.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.symseg.image.ImageHeader;
import org.symseg.image.Rect;
import org.symseg.image.TiffFrameReader;
import org.symseg.report.Evaluation;

/** Reads label maps and ground truth back, and scores one against the other. */
public final class Labels {

    private Labels() {
    }

    /** All frames of an integer TIFF, as one array per frame. */
    public static List<int[]> read(Path tiff) throws IOException {
        TiffFrameReader reader = new TiffFrameReader();
        ImageHeader header = reader.header(tiff.toString());
        List<int[]> frames = new ArrayList<>();
        for (int f = 0; f < header.frames(); f++) {
            float[] values = reader.read(tiff.toString(), f, new Rect(0, 0, header.width(), header.height()));
            int[] labels = new int[values.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = Math.round(values[i]);
            }
            frames.add(labels);
        }
        return frames;
    }

    /**
     * Fraction of pixels labelled correctly under the best one-to-one matching of labels to truth
     * classes, as {@code symseg evaluate} reports it; {@code classes} is how many truth classes
     * the caller expects, checked so a wrong mask cannot pass unnoticed.
     */
    public static double matchedAccuracy(List<int[]> labels, List<int[]> truth, int classes) {
        Evaluation evaluation = Evaluation.of(labels, truth, labels.get(0).length, 0);
        if (evaluation.patterns().size() != classes) {
            throw new AssertionError("truth has " + evaluation.patterns().size() + " classes, not " + classes);
        }
        return evaluation.matchedAccuracy();
    }

    /**
     * Fraction of the counted pixels on the diagonal of the confusion matrix (labels x classes)
     * under the best one-to-one matching of labels to classes.
     */
    public static double matched(long[][] confusion) {
        return Evaluation.matchedAccuracyOf(confusion);
    }
}
