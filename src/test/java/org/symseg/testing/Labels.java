package org.symseg.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.symseg.image.ImageHeader;
import org.symseg.image.Rect;
import org.symseg.image.TiffFrameReader;

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
     * classes (tried exhaustively; fine for a handful of classes).
     */
    public static double matchedAccuracy(List<int[]> labels, List<int[]> truth, int classes) {
        long[][] confusion = new long[classes][classes];
        for (int f = 0; f < labels.size(); f++) {
            for (int i = 0; i < labels.get(f).length; i++) {
                confusion[labels.get(f)[i]][truth.get(f)[i]]++;
            }
        }
        return matched(confusion);
    }

    /**
     * Fraction of the counted pixels on the diagonal of the confusion matrix (labels x classes)
     * under the best one-to-one matching of labels to classes.
     */
    public static double matched(long[][] confusion) {
        long total = 0;
        for (long[] row : confusion) {
            for (long n : row) {
                total += n;
            }
        }
        return best(confusion, 0, new boolean[confusion[0].length]) / (double) total;
    }

    private static long best(long[][] confusion, int label, boolean[] used) {
        if (label == confusion.length) {
            return 0;
        }
        long best = 0;
        for (int c = 0; c < used.length; c++) {
            if (!used[c]) {
                used[c] = true;
                best = Math.max(best, confusion[label][c] + best(confusion, label + 1, used));
                used[c] = false;
            }
        }
        return best;
    }
}
