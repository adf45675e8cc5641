package org.symseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.image.PixelType;
import org.symseg.testing.Labels;
import org.symseg.testing.TestImages;

/** {@code symseg evaluate} on the committed ground truth; it runs without Spark. */
class EvaluateCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run evaluate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "evaluate";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void renumberedTruthScoresOneAndGoesToCsv(@TempDir Path dir) throws IOException {
        Path truth = Path.of("test-data/truth/three-grains.tif");
        List<float[]> renumbered = new ArrayList<>();
        for (int[] frame : Labels.read(truth)) {
            float[] labels = new float[frame.length];
            for (int i = 0; i < frame.length; i++) {
                labels[i] = (frame[i] + 1) % 3 * 10;
            }
            renumbered.add(labels);
        }
        Path labels = TestImages.write(dir.resolve("labels.tif"), PixelType.UINT8, 384, 384, renumbered);
        Path csv = dir.resolve("scores.csv");
        Run run = evaluate(labels.toString(), truth.toString(), "--csv", csv.toString(), "--tolerance", "2");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("matched accuracy     1.0000"), run.out());
        assertTrue(run.out().contains("adjusted Rand index  1.0000"), run.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("metric,truth,label,value", rows.get(0));
        assertTrue(rows.contains("matched_accuracy,,,1.000000"), rows.toString());
        assertTrue(rows.contains("iou,0,10,1.000000"), rows.toString());
        assertEquals(7, rows.size(), "header, accuracy, Rand, scored pixels, one IoU per grain");
    }

    @Test
    void mismatchedSizesImagesAndMissingFilesAreOneLine(@TempDir Path dir) {
        Run mismatch = evaluate("test-data/truth/two-phase.tif", "test-data/truth/three-grains.tif");
        assertEquals(Main.USAGE, mismatch.code());
        assertEquals("symseg: test-data/truth/three-grains.tif: 384x384, 1 frame but "
                + "test-data/truth/two-phase.tif is 320x320, 1 frame; labels and truth must have the "
                + "same size and frames", mismatch.err().strip());
        Run image = evaluate("test-data/two-phase.tif", "test-data/truth/two-phase.tif");
        assertEquals(Main.USAGE, image.code());
        assertEquals("symseg: test-data/two-phase.tif: holds more than 1000 different values; is it "
                + "an image rather than a label map or mask?", image.err().strip());
        Run missing = evaluate(dir.resolve("none.tif").toString(), "test-data/truth/two-phase.tif");
        assertEquals(Main.USAGE, missing.code());
        assertEquals("symseg: " + dir.resolve("none.tif") + ": no such file", missing.err().strip());
    }
}
