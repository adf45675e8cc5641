package org.symseg.descriptor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MirrorLineScores}'s sliding step in SIMD, a vector of neighbouring disks along t at a
 * time, their sums held in registers across all rows. The sums are whole numbers, so the lanes'
 * order of adding gives the scalar step's bits. Loaded only where {@link CpuFeatures#vectors}.
 *
 * <p>No running sum is the receiver of an operation, only an argument (new terms first, then
 * {@code .add(sum)}), and each store starts from a fresh load: where C2 has used up its class
 * speculation, a sum as receiver stays the vector API's boxed Java code for the JVM's life
 * (BENCHMARKS.md, "The kernels' rare slowdown"). Here that made one JVM in two 4 times slower.
 */
final class VectorMirrorRows {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorMirrorRows() {
    }

    /** Moves the first {@code width - width % lanes} disks; returns how many it moved. */
    static int slide(double[] g, int rows, int a, int t, int width, MirrorLineScores.Rows pairs,
            double[] c, double[] s, double[] ss) {
        int lanes = SPECIES.length();
        int done = width - width % lanes;
        int[] upper = pairs.upper();
        int[] lower = pairs.lower();
        int[] half = pairs.half();
        int first = pairs.selfFirst() ? 1 : 0;
        for (int i = 0; i < done; i += lanes) {
            // along the row itself, the cross term is the row's sum of squares
            DoubleVector self = DoubleVector.zero(SPECIES);
            DoubleVector sum = DoubleVector.zero(SPECIES);
            if (first == 1) {
                DoubleVector p = DoubleVector.fromArray(SPECIES, g, (a + half[0]) * rows + t + i);
                DoubleVector q = DoubleVector.fromArray(SPECIES, g, (a - half[0] - 1) * rows + t + i);
                self = p.mul(p).sub(q.mul(q));
                sum = p.sub(q);
            }
            DoubleVector squares = self;
            DoubleVector twice = DoubleVector.zero(SPECIES);
            for (int j = first; j < upper.length; j++) {
                int in = (a + half[j]) * rows + t + i;
                int out = (a - half[j] - 1) * rows + t + i;
                DoubleVector ip = DoubleVector.fromArray(SPECIES, g, in + upper[j]);
                DoubleVector iq = DoubleVector.fromArray(SPECIES, g, in + lower[j]);
                DoubleVector op = DoubleVector.fromArray(SPECIES, g, out + upper[j]);
                DoubleVector oq = DoubleVector.fromArray(SPECIES, g, out + lower[j]);
                twice = ip.mul(iq).sub(op.mul(oq)).add(twice);
                sum = ip.add(iq).sub(op.add(oq)).add(sum);
                squares = ip.mul(ip).add(iq.mul(iq)).sub(op.mul(op)).sub(oq.mul(oq)).add(squares);
            }
            DoubleVector.fromArray(SPECIES, c, i).add(self).add(twice).add(twice).intoArray(c, i);
            DoubleVector.fromArray(SPECIES, s, i).add(sum).intoArray(s, i);
            DoubleVector.fromArray(SPECIES, ss, i).add(squares).intoArray(ss, i);
        }
        return done;
    }
}
