package org.symseg.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LocalKMeans}' assignment a SIMD block of points at a time, one point a lane, from the
 * points held one array per coordinate: each lane adds its point's squared differences in
 * coordinate order, a product then a sum as the scalar loop does, and keeps the first nearest
 * centre, so every label is the scalar one's. Loaded only where vectors compile
 * ({@link LocalKMeans}).
 */
final class VectorAssignment {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    private VectorAssignment() {
    }

    /**
     * The nearest centres of the points from {@code from} on, as many whole blocks of them as
     * end before {@code end}, into {@code labels}; returns where the blocks end. The SIMD loads
     * are unchecked ({@code VECTOR_ACCESS_OOB_CHECK=0}), so the range is checked here.
     */
    static int assign(double[][] coordinates, double[][] centres, int[] labels, int from, int end) {
        for (double[] coordinate : coordinates) {
            if (from < 0 || end > coordinate.length || end > labels.length) {
                throw new IndexOutOfBoundsException("points " + from + " to " + end + " of " + coordinate.length);
            }
        }
        for (double[] centre : centres) {
            if (centre.length != coordinates.length) {
                throw new IllegalArgumentException("a centre of " + centre.length + " coordinates for points of "
                        + coordinates.length);
            }
        }
        int lanes = LANES.length();
        double[] chosen = new double[lanes];
        DoubleVector none = DoubleVector.broadcast(LANES, Double.POSITIVE_INFINITY);
        int i = from;
        for (; i + lanes <= end; i += lanes) {
            DoubleVector best = none;
            DoubleVector label = DoubleVector.zero(LANES);
            for (int c = 0; c < centres.length; c++) {
                DoubleVector distance = DoubleVector.zero(LANES);
                for (int j = 0; j < coordinates.length; j++) {
                    DoubleVector e = DoubleVector.fromArray(LANES, coordinates[j], i).sub(centres[c][j]);
                    distance = distance.add(e.mul(e));
                }
                VectorMask<Double> closer = distance.lt(best);
                best = best.blend(distance, closer);
                label = label.blend(c, closer);
            }
            label.intoArray(chosen, 0);
            for (int lane = 0; lane < lanes; lane++) {
                labels[i + lane] = (int) chosen[lane];
            }
        }
        return i;
    }
}
