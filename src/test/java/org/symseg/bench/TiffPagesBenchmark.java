package org.symseg.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.symseg.image.PixelType;
import org.symseg.image.Rect;
import org.symseg.image.TiffFrameReader;
import org.symseg.image.TiffWriter;

/**
 * What one tile read costs in a multi-page LZW TIFF, as a descriptor task reads it: a 296 x 296
 * region of one 512 x 512 16-bit page, for pages spread over the file. Not a test: run it by hand
 * (command in BENCHMARKS.md). Makes {@code DIR/pages-N.tif} (N pages of noise) if it is missing.
 */
public final class TiffPagesBenchmark {

    private static final int SIZE = 512;
    private static final int READS = 40;

    private TiffPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        for (int i = 1; i < Math.max(2, args.length); i++) {
            run(dir, Integer.parseInt(args.length > 1 ? args[i] : "1000"));
        }
    }

    private static void run(Path dir, int pages) throws Exception {
        Path file = dir.resolve("pages-" + pages + ".tif");
        if (!Files.exists(file)) {
            write(file, pages);
        }
        TiffFrameReader reader = new TiffFrameReader();
        Rect region = new Rect(0, 0, 296, 296);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int r = 0; r < READS; r++) {
                reader.read(file.toString(), (int) ((long) r * pages / READS), region);
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e6 / READS);
        }
        System.out.printf(Locale.ROOT, "%5d pages: %.2f ms per tile read (best of 5 rounds of %d)%n",
                pages, best, READS);
    }

    private static void write(Path file, int pages) throws Exception {
        float[] noise = new float[SIZE * SIZE];
        Random random = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextInt(65536);
        }
        BufferedImage page = TiffWriter.grey(noise, SIZE, SIZE, PixelType.UINT16);
        List<BufferedImage> all = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            all.add(page);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            TiffWriter.write(out, all);
        }
    }
}
