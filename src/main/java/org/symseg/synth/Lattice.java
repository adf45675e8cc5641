package org.symseg.synth;

/**
 * A 2-D crystal: lattice vectors a and b (pixels), an origin, and a basis of atoms given in
 * fractional coordinates with their relative brightness. Atoms are Gaussians of width sigma.
 */
public record Lattice(double ax, double ay, double bx, double by, double originX, double originY,
        double[][] basis, double sigma) {

    public static Lattice square(double a, double degrees, double sigma) {
        return of(a, 0, 0, a, degrees, new double[][] {{0, 0, 1}}, sigma);
    }

    public static Lattice rectangular(double a, double b, double degrees, double sigma) {
        return of(a, 0, 0, b, degrees, new double[][] {{0, 0, 1}}, sigma);
    }

    public static Lattice hexagonal(double a, double degrees, double sigma) {
        return of(a, 0, a / 2, a * Math.sqrt(3) / 2, degrees, new double[][] {{0, 0, 1}}, sigma);
    }

    /** Square lattice with a dimmer atom at the cell centre, like a B2 ordered alloy seen along [001]. */
    public static Lattice centredSquare(double a, double degrees, double sigma, double centre) {
        return of(a, 0, 0, a, degrees, new double[][] {{0, 0, 1}, {0.5, 0.5, centre}}, sigma);
    }

    private static Lattice of(double ax, double ay, double bx, double by, double degrees,
            double[][] basis, double sigma) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        return new Lattice(c * ax - s * ay, s * ax + c * ay, c * bx - s * by, s * bx + c * by,
                0, 0, basis, sigma);
    }

    /** The same crystal with its origin moved, e.g. to a sub-pixel position. */
    public Lattice shiftedTo(double x, double y) {
        return new Lattice(ax, ay, bx, by, x, y, basis, sigma);
    }

    /** Calls {@code atom} for every atom whose centre lies within the box [x0, x0 + w) x [y0, y0 + h), padded. */
    void forEachAtom(int x0, int y0, int width, int height, double pad, AtomConsumer atom) {
        double det = ax * by - ay * bx;
        double minI = Double.POSITIVE_INFINITY;
        double maxI = Double.NEGATIVE_INFINITY;
        double minJ = Double.POSITIVE_INFINITY;
        double maxJ = Double.NEGATIVE_INFINITY;
        double[][] corners = {{x0 - pad, y0 - pad}, {x0 + width + pad, y0 - pad},
            {x0 - pad, y0 + height + pad}, {x0 + width + pad, y0 + height + pad}};
        for (double[] corner : corners) {
            double dx = corner[0] - originX;
            double dy = corner[1] - originY;
            double i = (dx * by - dy * bx) / det;
            double j = (ax * dy - ay * dx) / det;
            minI = Math.min(minI, i);
            maxI = Math.max(maxI, i);
            minJ = Math.min(minJ, j);
            maxJ = Math.max(maxJ, j);
        }
        for (long j = (long) Math.floor(minJ) - 1; j <= (long) Math.ceil(maxJ) + 1; j++) {
            for (long i = (long) Math.floor(minI) - 1; i <= (long) Math.ceil(maxI) + 1; i++) {
                for (double[] b : basis) {
                    double fi = i + b[0];
                    double fj = j + b[1];
                    double x = originX + fi * ax + fj * bx;
                    double y = originY + fi * ay + fj * by;
                    if (x >= x0 - pad && y >= y0 - pad && x < x0 + width + pad && y < y0 + height + pad) {
                        atom.accept(x, y, b[2]);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    interface AtomConsumer {
        void accept(double x, double y, double brightness);
    }
}
