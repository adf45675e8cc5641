package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symseg.synth.Lattice;

/**
 * Max-pooling makes rotation and reflection scores independent of where a point sits in the
 * lattice: pooled values barely move when the lattice moves by a fraction of a pixel, while the
 * unpooled ones do. Rotation scores also stay put when the lattice turns.
 */
class PoolingInvarianceTest {

    private static final List<Double> ANGLES = List.of(60.0, 90.0, 120.0, 180.0);
    private static final int SIZE = 110;
    private static final int[] POINTS = {44, 55, 66};
    private static final double[][] ORIGINS = {{0, 0}, {0.25, 0.5}, {0.5, 0.1}, {0.8, 0.7}, {5.3, 2.9}};

    private static float[] scores(Descriptor descriptor, Lattice lattice) {
        QuantizedImage image = PointSymmetryDescriptorTest.lattice(lattice, SIZE);
        float[] out = new float[POINTS.length * POINTS.length * descriptor.length()];
        descriptor.compute(image, POINTS, POINTS, out);
        return out;
    }

    /** Largest difference of any score between the first lattice and each of the others. */
    private static double spread(Descriptor descriptor, List<Lattice> lattices) {
        float[] first = scores(descriptor, lattices.get(0));
        double worst = 0;
        for (Lattice lattice : lattices.subList(1, lattices.size())) {
            float[] other = scores(descriptor, lattice);
            for (int i = 0; i < first.length; i++) {
                worst = Math.max(worst, Math.abs(first[i] - other[i]));
            }
        }
        return worst;
    }

    private static List<Lattice> shifted(Lattice lattice) {
        return java.util.Arrays.stream(ORIGINS).map(o -> lattice.shiftedTo(o[0], o[1])).toList();
    }

    @Test
    void subPixelShiftsBarelyMovePooledScores() {
        Lattice hexagonal = Lattice.hexagonal(12, 0, 2.2);
        Lattice square = Lattice.centredSquare(12, 20, 2.2, 0.5);
        for (Lattice lattice : List.of(hexagonal, square)) {
            double rotation = spread(PointSymmetryDescriptor.rotation(10, 13, ANGLES), shifted(lattice));
            double reflection = spread(new ReflectionDescriptor(10, 13, 10), shifted(lattice));
            double unpooled = spread(new ReflectionDescriptor(10, 1, 10), shifted(lattice));
            System.out.printf("sub-pixel shifts: pooled rotation %.4f, reflection %.4f; unpooled %.4f%n",
                    rotation, reflection, unpooled);
            // symmetry channels move by about 0.02; channels of operations the lattice lacks score
            // lower and their peaks are flatter, so they move by up to 0.08 (rotation) and 0.12
            // (reflection, whose window is sampled on a grid turned to each mirror; on the pixel
            // grid they moved by up to 0.09)
            assertTrue(rotation < 0.1, "rotation scores moved by " + rotation);
            assertTrue(reflection < 0.15, "reflection scores moved by " + reflection);
            assertTrue(unpooled > 0.3, "without pooling the scores should depend on the position: "
                    + unpooled);
        }
    }

    @Test
    void rotationScoresStayWhenTheLatticeTurns() {
        List<Lattice> turned = java.util.stream.Stream.of(0, 13, 29, 41, 77)
                .map(d -> Lattice.hexagonal(12, d, 2.2).shiftedTo(0.3, 0.6)).toList();
        double rotation = spread(PointSymmetryDescriptor.rotation(10, 13, ANGLES), turned);
        double reflection = spread(new ReflectionDescriptor(10, 13, 10), turned);
        System.out.printf("turned lattice: pooled rotation %.4f, reflection %.4f%n", rotation, reflection);
        assertTrue(rotation < 0.05, "rotation scores moved by " + rotation);
        // mirror lines are fixed in the image, so reflection scores follow the orientation
        assertTrue(reflection > 0.2, "reflection scores should follow the orientation: " + reflection);
    }
}
