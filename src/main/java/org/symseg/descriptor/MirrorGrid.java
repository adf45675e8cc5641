package org.symseg.descriptor;

/**
 * An image resampled on a square grid turned to a mirror line: grid point (a, t) lies at
 * a l + t n of the frame, with l = (cos, sin) along the line and n = (-sin, cos) across it. A
 * mirror across a grid row then pairs grid points with grid points, and the sums over a disk's
 * pairs run along the rows ({@link MirrorLineScores}).
 *
 * <p>The grid is anchored at the frame's origin, not the region's, so every tile that holds a grid
 * point samples it alike. Samples are bilinear, scaled by {@code scale} (fixed point) and rounded to
 * integers: sums of them and of their products are then exact in double, whatever the order.
 * Grid points whose taps fall outside the region are 0; no score that is used reads them.
 */
final class MirrorGrid {

    final int countA;
    final int countT;
    /** Sample at grid point (firstA + ia, firstT + it) at {@code samples[ia * countT + it]}. */
    final double[] samples;

    /**
     * Grid points (firstA + ia, firstT + it) for ia below countA, it below countT, into
     * {@code samples}: only rows [tFrom[ia], tTo[ia]) of each column ia, the others keep what they
     * held.
     */
    MirrorGrid(QuantizedImage image, double cos, double sin, int firstA, int countA, int firstT, int countT,
            double scale, double[] samples, int[] tFrom, int[] tTo) {
        this.countA = countA;
        this.countT = countT;
        this.samples = samples;
        int[] pixels = image.pixels();
        int width = image.width();
        int height = image.height();
        for (int ia = 0; ia < countA; ia++) {
            int a = firstA + ia;
            for (int it = tFrom[ia]; it < tTo[ia]; it++) {
                int t = firstT + it;
                double x = a * cos - t * sin;
                double y = a * sin + t * cos;
                // whole and fractional parts in frame coordinates, so that no tile rounds differently
                double fx0 = Math.floor(x);
                double fy0 = Math.floor(y);
                double fx = x - fx0;
                double fy = y - fy0;
                int lx = (int) fx0 - image.originX();
                int ly = (int) fy0 - image.originY();
                if (lx < 0 || ly < 0 || lx + 1 >= width || ly + 1 >= height) {
                    samples[ia * countT + it] = 0;
                    continue;
                }
                int i = ly * width + lx;
                double top = pixels[i] * (1 - fx) + pixels[i + 1] * fx;
                double bottom = pixels[i + width] * (1 - fx) + pixels[i + width + 1] * fx;
                samples[ia * countT + it] = Math.rint((top * (1 - fy) + bottom * fy) * scale);
            }
        }
    }
}
