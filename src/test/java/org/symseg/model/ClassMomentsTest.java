package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassMomentsTest {

    @Test
    void separabilityIsBetweenOverWithinClassVariance() {
        // channel 0: class 0 = {1, 3}, class 1 = {5, 7, 9}; channel 1 the same in both classes
        ClassMoments moments = new ClassMoments(2, 2);
        moments.add(0, new double[] {1, 4});
        moments.add(0, new double[] {3, 6});
        moments.add(1, new double[] {5, 4});
        moments.add(1, new double[] {7, 6});
        moments.add(1, new double[] {9, 5});
        // means 2 and 7, total 5; between = 2*9 + 3*4 = 30; within = 2*1 + 3*(8/3) = 10
        assertEquals(3.0, moments.separability(0), 1e-12);
        assertEquals(8.0, moments.variance(0), 1e-12); // {1,3,5,7,9}
        // class means 5 and 5: no separation
        assertEquals(0.0, moments.separability(1), 1e-12);
        assertArrayEquals(new int[] {0, 1}, moments.best(2, 2));
    }

    @Test
    void mergingPartsGivesTheWholesMoments() {
        ClassMoments whole = new ClassMoments(2, 1);
        ClassMoments first = new ClassMoments(2, 1);
        ClassMoments second = new ClassMoments(2, 1);
        double[][] rows = {{0, 1.5}, {1, 4}, {0, 2}, {1, 6.5}, {1, 5}};
        for (int i = 0; i < rows.length; i++) {
            whole.add((int) rows[i][0], new double[] {rows[i][1]});
            (i < 2 ? first : second).add((int) rows[i][0], new double[] {rows[i][1]});
        }
        ClassMoments merged = first.merge(second);
        assertEquals(whole.count(), merged.count());
        assertEquals(whole.separability(0), merged.separability(0), 1e-12);
        assertEquals(whole.variance(0), merged.variance(0), 1e-12);
    }

    @Test
    void reorderedMomentsAreThoseOfRenumberedClasses() {
        double[][] rows = {{0, 1.5, 2}, {1, 4, -1}, {2, 2, 0}, {1, 6.5, 3}, {2, 5, 5}, {2, 1, 1}};
        ClassMoments asFound = new ClassMoments(3, 2);
        ClassMoments renumbered = new ClassMoments(3, 2);
        int[] order = {2, 0, 1}; // new class i is old class order[i]
        int[] newLabel = {1, 2, 0};
        for (double[] row : rows) {
            asFound.add((int) row[0], new double[] {row[1], row[2]});
            renumbered.add(newLabel[(int) row[0]], new double[] {row[1], row[2]});
        }
        ClassMoments reordered = asFound.reordered(order);
        assertArrayEquals(new long[] {1, 2, 3}, asFound.counts());
        assertArrayEquals(renumbered.counts(), reordered.counts());
        for (int c = 0; c < 2; c++) {
            assertEquals(renumbered.separability(c), reordered.separability(c), 0.0);
            assertEquals(renumbered.variance(c), reordered.variance(c), 0.0);
        }
        assertArrayEquals(new long[] {3, 1, 2}, reordered.counts());
    }

    /** Moments gathered in any grouping and merged in any order are the same bits. */
    @Test
    void momentsDoNotDependOnGroupingOrOrder() {
        java.util.Random random = new java.util.Random(3);
        double[][] rows = new double[500][3];
        for (double[] row : rows) {
            row[0] = random.nextInt(2);
            row[1] = random.nextGaussian() * 3;
            row[2] = random.nextDouble();
        }
        ClassMoments whole = new ClassMoments(2, 2);
        ClassMoments late = new ClassMoments(2, 2);
        ClassMoments early = new ClassMoments(2, 2);
        for (int i = 0; i < rows.length; i++) {
            whole.add((int) rows[i][0], new double[] {rows[i][1], rows[i][2]});
        }
        for (int i = rows.length - 1; i >= 0; i--) {
            (i % 3 == 0 ? early : late).add((int) rows[i][0], new double[] {rows[i][1], rows[i][2]});
        }
        ClassMoments merged = late.merge(early);
        for (int c = 0; c < 2; c++) {
            assertEquals(Double.doubleToLongBits(whole.variance(c)), Double.doubleToLongBits(merged.variance(c)));
            assertEquals(Double.doubleToLongBits(whole.separability(c)),
                    Double.doubleToLongBits(merged.separability(c)));
        }
    }

    @Test
    void constantClassesThatDifferSeparateInfinitely() {
        ClassMoments moments = new ClassMoments(2, 1);
        moments.add(0, new double[] {1});
        moments.add(1, new double[] {2});
        assertEquals(Double.POSITIVE_INFINITY, moments.separability(0));
    }
}
