package org.symseg.descriptor;

import java.io.Serializable;
import java.util.Locale;

/**
 * A rotation or reflection about a patch centre, as the 2 x 2 matrix that gives, for a sample at
 * offset (u, v) of the transformed patch, the offset in the original patch it is taken from.
 * Coordinates are the image's: x to the right, y down.
 */
public record PointOperation(String name, double xx, double xy, double yx, double yy)
        implements Serializable {

    /**
     * The patch rotated by {@code degrees} about its centre (counter-clockwise in x-right, y-down
     * coordinates, so clockwise as seen on screen). The Pearson score of a rotation by d and by -d
     * are the same up to sampling, so the sense only fixes which pixels are read.
     */
    public static PointOperation rotation(double degrees) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        // the sample at u comes from R(-degrees) u
        return new PointOperation("rot" + format(degrees), c, s, -s, c);
    }

    /**
     * The patch rotated by {@code degrees}, sampled as the rotation by {@code -degrees} (the same
     * score up to sampling, see {@link #rotation}): when another rotation by 180 - degrees is
     * scored too, the two then read each other's sources for opposite samples
     * ({@link #isNegationOf}) and share their interpolation.
     */
    static PointOperation rotationTheOtherWay(double degrees) {
        PointOperation reversed = rotation(-degrees);
        return new PointOperation("rot" + format(degrees), reversed.xx, reversed.xy, reversed.yx, reversed.yy);
    }

    /** The patch mirrored across the line through its centre at {@code degrees} from the x axis. */
    public static PointOperation reflection(double degrees) {
        double c = Math.cos(Math.toRadians(2 * degrees));
        double s = Math.sin(Math.toRadians(2 * degrees));
        return new PointOperation("mirror" + format(degrees), c, s, s, -c);
    }

    /** Source x of the sample at (u, v). */
    public double sourceX(double u, double v) {
        return xx * u + xy * v;
    }

    /** Source y of the sample at (u, v). */
    public double sourceY(double u, double v) {
        return yx * u + yy * v;
    }

    /**
     * Whether this operation is {@code other} followed by a half turn about the centre (a mirror
     * across the line perpendicular to other's): it then reads, for each sample, where other
     * reads for the opposite sample.
     */
    boolean isNegationOf(PointOperation other) {
        double tolerance = 1e-12;
        return Math.abs(xx + other.xx) < tolerance && Math.abs(xy + other.xy) < tolerance
                && Math.abs(yx + other.yx) < tolerance && Math.abs(yy + other.yy) < tolerance;
    }

    static String format(double degrees) {
        return degrees == Math.rint(degrees) ? String.valueOf((long) degrees)
                : String.format(Locale.ROOT, "%.2f", degrees);
    }
}
