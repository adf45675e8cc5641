package org.symseg.bench;

import java.util.List;
import java.util.Locale;
import org.symseg.descriptor.Descriptor;
import org.symseg.descriptor.PointSymmetryDescriptor;
import org.symseg.descriptor.QuantizedImage;
import org.symseg.descriptor.ReflectionDescriptor;
import org.symseg.descriptor.TranslationDescriptor;
import org.symseg.image.Rect;
import org.symseg.image.TiffFrameReader;

/**
 * Cost per stride point of each descriptor kind at the defaults, on one thread (one Spark task),
 * over a real image. Not a test: run it by hand (command in BENCHMARKS.md).
 *
 * <p>Each descriptor computes all stride points of the image in one call, as a tile does. The
 * thread's CPU time is measured (the best of two rounds after one warm-up round), so other load
 * on the machine does not inflate the figures as wall-clock time would.
 */
public final class DescriptorBenchmark {

    private DescriptorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QuantizedImage image = wholeImage(args.length > 0 ? args[0] : "../shared/data/fenb-mu-laves.tif");
        List<Double> angles = List.of(60.0, 90.0, 120.0, 180.0);
        report("translation (patch 20, window 21, 100 shifts)", new TranslationDescriptor(20, 21, 100), image);
        report("rotation (r 20, pool 31, 60/90/120/180)", PointSymmetryDescriptor.rotation(20, 31, angles), image);
        report("reflection (r 20, pool 31, 10 mirrors)", new ReflectionDescriptor(20, 31, 10), image);
        report("reflection (r 10, pool 9, 10 mirrors)", new ReflectionDescriptor(10, 9, 10), image);
        // the reference module's settings in issue 7: patch and window half-size 20
        report("rotation (r 20, pool 41, 60/90/120/180)", PointSymmetryDescriptor.rotation(20, 41, angles), image);
        report("reflection (r 20, pool 41, 10 mirrors)", new ReflectionDescriptor(20, 41, 10), image);
        // rotation on a disk sampled every third pixel (--sample-step 3)
        report("rotation (r 20, pool 41, sample step 3)", PointSymmetryDescriptor.rotation(20, 41, 3, angles), image);
        // reflection on the pixel grid, as before the turned grids, against them by radius (the
        // pixel grid's sums stay exact up to radius 25)
        for (int radius : new int[] {10, 20, 25}) {
            report("reflection on the pixel grid (r " + radius + ", pool 41)",
                    PointSymmetryDescriptor.reflection(radius, 41, 10), image);
        }
        for (int radius : new int[] {10, 20, 25, 40, 60}) {
            report("reflection (r " + radius + ", pool 41)", new ReflectionDescriptor(radius, 41, 10), image);
        }
    }

    /** A TIFF's first frame, whole, rounded to integers (its samples are 16-bit already). */
    static QuantizedImage wholeImage(String path) throws java.io.IOException {
        TiffFrameReader reader = new TiffFrameReader();
        var header = reader.header(path);
        float[] pixels = reader.read(path, 0, new Rect(0, 0, header.width(), header.height()));
        int[] q = new int[pixels.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = Math.round(pixels[i]);
        }
        return new QuantizedImage(q, header.width(), header.height());
    }

    private static void report(String name, Descriptor descriptor, QuantizedImage image) {
        int stride = 5;
        int reach = descriptor.reach();
        int[] xs = coordinates(image.width(), reach, stride);
        int[] ys = coordinates(image.height(), reach, stride);
        float[] out = new float[xs.length * ys.length * descriptor.length()];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = threads.getCurrentThreadCpuTime();
            descriptor.compute(image, xs, ys, out);
            long elapsed = threads.getCurrentThreadCpuTime() - start;
            if (round >= 1) {
                best = Math.min(best, elapsed);
            }
        }
        int points = xs.length * ys.length;
        // the checksum tells whether two builds compute the same descriptors, bit for bit
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        for (float v : out) {
            int bits = Float.floatToIntBits(v);
            crc.update(new byte[] {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)});
        }
        System.out.printf(Locale.ROOT, "%-48s %6d points  %8.1f ms CPU  %7.3f ms/point  crc %08x%n", name,
                points, best / 1e6, best / 1e6 / points, crc.getValue());
    }

    private static int[] coordinates(int size, int reach, int stride) {
        int n = (size - 2 * reach - 1) / stride + 1;
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = reach + i * stride;
        }
        return c;
    }
}
