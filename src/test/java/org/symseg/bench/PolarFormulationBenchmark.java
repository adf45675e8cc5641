package org.symseg.bench;

import java.util.List;
import java.util.Locale;
import org.symseg.descriptor.Descriptor;
import org.symseg.descriptor.PointSymmetryDescriptor;
import org.symseg.descriptor.QuantizedImage;

/**
 * Measures, rather than estimates, the polar formulation of the rotation and reflection scores
 * against today's kernels: each pixel's disk resampled once (bilinearly) on rings of angles that
 * every operation maps onto each other, so each operation's cross term is a sum of products of
 * samples already taken, and the sum and sum of squares are shared by all operations. Not a
 * test and not used by the pipeline (it would change the descriptor's definition): run it by
 * hand, as BENCHMARKS.md says, with or without the vector module.
 *
 * <p>Both sides score every pixel of a square region on one thread (today's kernels through the
 * descriptor with a pooling window of 1, i.e. no pooling), and the thread's CPU time is reported
 * per pixel: the best of three rounds after a warm-up round.
 */
public final class PolarFormulationBenchmark {

    private PolarFormulationBenchmark() {
    }

    /** Ring samples of a disk: per ring, its angle count; per sample, 4 bilinear taps. */
    private static final class Rings {
        final int[] count;
        final int[] first;
        final int[] tap;
        final double[] weight;
        final int samples;

        /** Rings 1..radius with angle counts a multiple of {@code multiple}, plus the centre. */
        Rings(int radius, int multiple, int width) {
            count = new int[radius + 1];
            first = new int[radius + 2];
            count[0] = 1;
            int total = 1;
            for (int r = 1; r <= radius; r++) {
                count[r] = multiple * Math.max(1, (int) Math.round(2 * Math.PI * r / multiple));
                total += count[r];
            }
            samples = total;
            tap = new int[total];
            weight = new double[4 * total];
            int k = 0;
            for (int r = 0; r <= radius; r++) {
                first[r] = k;
                for (int j = 0; j < count[r]; j++, k++) {
                    double angle = 2 * Math.PI * j / count[r];
                    double x = r * Math.cos(angle);
                    double y = r * Math.sin(angle);
                    int x0 = (int) Math.floor(x);
                    int y0 = (int) Math.floor(y);
                    double fx = x - x0;
                    double fy = y - y0;
                    tap[k] = y0 * width + x0;
                    weight[4 * k] = (1 - fx) * (1 - fy);
                    weight[4 * k + 1] = fx * (1 - fy);
                    weight[4 * k + 2] = (1 - fx) * fy;
                    weight[4 * k + 3] = fx * fy;
                }
            }
            first[radius + 1] = k;
        }
    }

    /**
     * Scores at pixel {@code at}: operation o maps sample j of a ring of N to sample
     * (mirror[o] ? shift[o] * N / unit - j : j + shift[o] * N / unit) mod N.
     */
    private static void score(double[] v, int width, int at, Rings rings, int unit, int[] shift,
            boolean[] mirror, double[] samples, float[] out) {
        double base = v[at];
        double s = 0;
        double ss = 0;
        for (int k = 0; k < rings.samples; k++) {
            int i = at + rings.tap[k];
            double b = v[i] * rings.weight[4 * k] + v[i + 1] * rings.weight[4 * k + 1]
                    + v[i + width] * rings.weight[4 * k + 2] + v[i + width + 1] * rings.weight[4 * k + 3] - base;
            samples[k] = b;
            s += b;
            ss += b * b;
        }
        long n = rings.samples;
        double variance = n * ss - s * s;
        for (int o = 0; o < shift.length; o++) {
            double cross = samples[0] * samples[0];
            for (int r = 1; r < rings.count.length; r++) {
                int count = rings.count[r];
                int from = rings.first[r];
                int m = shift[o] * count / unit;
                if (mirror[o]) {
                    for (int j = 0; j < count; j++) {
                        int partner = m - j;
                        cross += samples[from + j] * samples[from + (partner < 0 ? partner + count : partner)];
                    }
                } else {
                    for (int j = 0; j < count; j++) {
                        int partner = j + m;
                        cross += samples[from + j] * samples[from + (partner >= count ? partner - count : partner)];
                    }
                }
            }
            out[o] = variance > 1e-12 * n * ss ? (float) ((n * cross - s * s) / variance) : 0f;
        }
    }

    public static void main(String[] args) throws Exception {
        String path = args.length > 0 ? args[0] : "../shared/data/hea-twins.tif";
        QuantizedImage image = DescriptorBenchmark.wholeImage(path);
        double[] values = image.asDoubles();
        boolean simd = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        System.out.println("per pixel, one thread; " + (simd ? "SIMD" : "scalar") + " kernels today");
        for (int radius : new int[] {10, 20, 30, 40}) {
            // reflection: 10 mirror lines 18 degrees apart need angle counts that are multiples of 10
            int[] mirrorShift = new int[10];
            for (int i = 0; i < 10; i++) {
                mirrorShift[i] = i;
            }
            boolean[] mirrors = new boolean[10];
            java.util.Arrays.fill(mirrors, true);
            compare("reflection, 10 mirrors", radius, image, values,
                    PointSymmetryDescriptor.reflection(radius, 1, 10), new Rings(radius, 10, image.width()), 10,
                    mirrorShift, mirrors);
            // rotation by 60, 90, 120, 180 degrees: multiples of 12, turns of N/6, N/4, N/3, N/2
            compare("rotation, 60/90/120/180", radius, image, values,
                    PointSymmetryDescriptor.rotation(radius, 1, List.of(60.0, 90.0, 120.0, 180.0)),
                    new Rings(radius, 12, image.width()), 12, new int[] {2, 3, 4, 6}, new boolean[4]);
        }
    }

    private static void compare(String name, int radius, QuantizedImage image, double[] values,
            Descriptor today, Rings rings, int unit, int[] shift, boolean[] mirror) {
        int side = 64;
        int from = (image.width() - side) / 2;
        int[] xs = new int[side];
        for (int i = 0; i < side; i++) {
            xs[i] = from + i;
        }
        float[] out = new float[side * side * today.length()];
        double todayNs = cpuNanos(() -> today.compute(image, xs, xs, out));
        float[] polar = new float[side * side * shift.length];
        double[] samples = new double[rings.samples];
        float[] one = new float[shift.length];
        double polarNs = cpuNanos(() -> {
            for (int j = 0; j < side; j++) {
                for (int i = 0; i < side; i++) {
                    score(values, image.width(), (from + j) * image.width() + from + i, rings, unit, shift,
                            mirror, samples, one);
                    System.arraycopy(one, 0, polar, (j * side + i) * shift.length, shift.length);
                }
            }
        });
        double agreement = correlation(out, polar);
        int pixels = side * side;
        System.out.printf(Locale.ROOT, "%-26s r %2d  today %8.1f us  polar %8.1f us (%5d ring samples)"
                + "  ratio %.2f  correlation of the scores %.3f%n", name, radius, todayNs / pixels / 1e3,
                polarNs / pixels / 1e3, rings.samples, polarNs / todayNs, agreement);
    }

    private static double cpuNanos(Runnable work) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long start = threads.getCurrentThreadCpuTime();
            work.run();
            long elapsed = threads.getCurrentThreadCpuTime() - start;
            if (round > 0) {
                best = Math.min(best, elapsed);
            }
        }
        return best;
    }

    private static double correlation(float[] a, float[] b) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        for (int i = 0; i < a.length; i++) {
            sa += a[i];
            sb += b[i];
            saa += a[i] * (double) a[i];
            sbb += b[i] * (double) b[i];
            sab += a[i] * (double) b[i];
        }
        int n = a.length;
        return (n * sab - sa * sb) / Math.sqrt((n * saa - sa * sa) * (n * sbb - sb * sb));
    }
}
