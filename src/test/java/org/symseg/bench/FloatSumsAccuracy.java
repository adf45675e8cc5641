package org.symseg.bench;

import java.util.Locale;
import java.util.Random;

/**
 * Why the rotation and reflection kernels add up in double: the Pearson score of a radius-20
 * disk against its copy turned by 60 degrees (bilinear samples, taken relative to the centre
 * pixel as the kernel does), with the sums kept in float and in double, on three kinds of 16-bit
 * image. Not a test: run it by hand (command in BENCHMARKS.md); it prints the largest
 * difference over a grid of centres.
 */
public final class FloatSumsAccuracy {

    private static final int SIZE = 200;
    private static final int RADIUS = 20;

    private FloatSumsAccuracy() {
    }

    public static void main(String[] args) {
        Random random = new Random(3);
        for (String kind : new String[] {"uniform noise", "noisy lattice", "8 grey levels at 40000"}) {
            double[] v = new double[SIZE * SIZE];
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double value = switch (kind) {
                        case "uniform noise" -> random.nextInt(65536);
                        case "noisy lattice" -> Math.round(30000 + 20000 * Math.cos(2 * Math.PI * x / 9.0)
                                * Math.cos(2 * Math.PI * y / 11.0) + 2000 * random.nextGaussian());
                        default -> 40000 + random.nextInt(8);
                    };
                    v[y * SIZE + x] = Math.max(0, Math.min(65535, value));
                }
            }
            double worst = 0;
            for (int y = 30; y < SIZE - 30; y += 7) {
                for (int x = 30; x < SIZE - 30; x += 7) {
                    worst = Math.max(worst, Math.abs(score(v, x, y, false) - score(v, x, y, true)));
                }
            }
            System.out.printf(Locale.ROOT, "%-24s largest |r(float sums) - r(double sums)| = %.1e%n", kind, worst);
        }
    }

    private static double score(double[] v, int px, int py, boolean inFloat) {
        double c = Math.cos(Math.toRadians(60));
        double s = Math.sin(Math.toRadians(60));
        double base = v[py * SIZE + px];
        double[] d = new double[5];
        float[] f = new float[5];
        int n = 0;
        for (int dv = -RADIUS; dv <= RADIUS; dv++) {
            for (int du = -RADIUS; du <= RADIUS; du++) {
                if (du * du + dv * dv > RADIUS * RADIUS) {
                    continue;
                }
                n++;
                double sx = c * du + s * dv;
                double sy = -s * du + c * dv;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                int i = (py + y0) * SIZE + px + x0;
                double a = v[(py + dv) * SIZE + px + du] - base;
                double b = v[i] * (1 - fx) * (1 - fy) + v[i + 1] * fx * (1 - fy)
                        + v[i + SIZE] * (1 - fx) * fy + v[i + SIZE + 1] * fx * fy - base;
                add(d, a, b);
                float fa = (float) a;
                float fb = (float) v[i] * (float) ((1 - fx) * (1 - fy)) + (float) v[i + 1] * (float) (fx * (1 - fy))
                        + (float) v[i + SIZE] * (float) ((1 - fx) * fy) + (float) v[i + SIZE + 1] * (float) (fx * fy)
                        - (float) base;
                f[0] += fa;
                f[1] += fa * fa;
                f[2] += fb;
                f[3] += fb * fb;
                f[4] += fa * fb;
            }
        }
        double[] sums = d;
        if (inFloat) {
            sums = new double[] {f[0], f[1], f[2], f[3], f[4]};
        }
        return (n * sums[4] - sums[0] * sums[2])
                / Math.sqrt((n * sums[1] - sums[0] * sums[0]) * (n * sums[3] - sums[2] * sums[2]));
    }

    private static void add(double[] sums, double a, double b) {
        sums[0] += a;
        sums[1] += a * a;
        sums[2] += b;
        sums[3] += b * b;
        sums[4] += a * b;
    }
}
