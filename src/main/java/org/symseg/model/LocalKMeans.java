package org.symseg.model;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.symseg.descriptor.CpuFeatures;
import org.symseg.descriptor.SimdAfter;

/**
 * k-means on points held in memory: k-means++ seeding from a seeded generator, then Lloyd
 * iterations until no point changes cluster. {@link #SEEDINGS} seedings are tried and the one with
 * the least squared error kept. The same points, k and seed always give the same centres.
 */
public final class LocalKMeans {

    static final int MAX_ITERATIONS = 100;
    /**
     * As many seedings as scikit-learn's k-means tried by default ({@code n_init}) until its
     * version 1.4, which the paper's reference module used. Three were too few: on hea-twins the
     * translation features have two optima whose costs differ by 0.2 %, and a run of 51 frames
     * of it ended in the worse one where the image alone and 50 frames did not (BENCHMARKS.md,
     * issue 7).
     */
    static final int SEEDINGS = 10;
    /** Below this many points, assigning them in parallel costs more than it saves. */
    private static final int PARALLEL_POINTS = 4096;
    /** Points one task of a parallel assignment takes at a time. */
    private static final int CHUNK = 2048;
    /**
     * Points are assigned a SIMD block at a time ({@link VectorAssignment}) where vectors
     * compile, once a JVM has assigned this many ({@link SimdAfter}): a fit on a one-image run's
     * sample assigns about 2 million, and with SIMD took two thirds of the time (12.6 against
     * 19.1 ms), but the vector code's first calls would run as slow C1 code.
     */
    static final long SIMD_AFTER = 10_000_000;
    private static final SimdAfter SIMD = new SimdAfter(SIMD_AFTER, CpuFeatures::vectors);

    private LocalKMeans() {
    }

    /** Centres of k clusters of {@code points}; fewer distinct points than k leave centres doubled. */
    public static double[][] fit(double[][] points, int k, long seed) {
        if (points.length == 0) {
            throw new IllegalArgumentException("no points to cluster");
        }
        Flat flat = Flat.of(points);
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] starts = new double[SEEDINGS][][];
        for (int s = 0; s < SEEDINGS; s++) {
            starts[s] = seeding(flat, k, random);
        }
        // Lloyd's iterations draw nothing, so the seedings' runs go on all cores at once, each
        // on one: splitting every iteration's assignment as well cost as much as it saved
        double[][][] ends = new double[SEEDINGS][][];
        double[] costs = new double[SEEDINGS];
        IntStream.range(0, SEEDINGS).parallel().forEach(s -> {
            ends[s] = lloyd(flat, starts[s], false).centres();
            costs[s] = cost(flat, ends[s]);
        });
        int best = 0;
        for (int s = 1; s < SEEDINGS; s++) {
            if (costs[s] < costs[best]) {
                best = s;
            }
        }
        return ends[best];
    }

    /**
     * Centres after Lloyd iterations, and whether they converged: whether the last iteration
     * changed no point's cluster, so that the centres are the means of the points nearest to
     * them and another iteration would leave them where they are.
     */
    public record Refined(double[][] centres, boolean converged) {
    }

    /**
     * Lloyd iterations from {@code start} (left as it is) until no point changes cluster, or
     * {@link #MAX_ITERATIONS}.
     */
    public static Refined refine(double[][] points, double[][] start) {
        double[][] centres = new double[start.length][];
        for (int c = 0; c < start.length; c++) {
            centres[c] = start[c].clone();
        }
        return lloyd(Flat.of(points), centres, points.length >= PARALLEL_POINTS);
    }

    /** Index of the nearest centre; ties go to the lower index. */
    public static int nearest(double[] point, double[][] centres) {
        return nearest(point, 0, centres);
    }

    /** Index of the centre nearest to the point whose coordinates start at values[at]. */
    private static int nearest(double[] values, int at, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = squaredDistance(values, at, centres[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /**
     * The nearest centre of every point; large sets on all cores (each point on its own, so the
     * same labels in any order): this is most of a Lloyd iteration's work.
     */
    public static int[] assign(double[][] points, double[][] centres) {
        return assign(Flat.of(points), centres, points.length >= PARALLEL_POINTS);
    }

    private static int[] assign(Flat points, double[][] centres, boolean parallel) {
        int[] labels = new int[points.count()];
        boolean blocks = SIMD.now(labels.length);
        if (!parallel) {
            points.assign(centres, labels, 0, labels.length, blocks);
        } else {
            IntStream.range(0, (labels.length + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> points.assign(
                    centres, labels, chunk * CHUNK, Math.min(labels.length, (chunk + 1) * CHUNK), blocks));
        }
        return labels;
    }

    static double squaredDistance(double[] a, double[] b) {
        return squaredDistance(a, 0, b);
    }

    /** From the point whose coordinates start at values[at] to {@code centre}. */
    private static double squaredDistance(double[] values, int at, double[] centre) {
        double d = 0;
        for (int j = 0; j < centre.length; j++) {
            double e = values[at + j] - centre[j];
            d += e * e;
        }
        return d;
    }

    /** k-means++: each next centre drawn with probability proportional to its squared distance. */
    private static double[][] seeding(Flat points, int k, SplittableRandom random) {
        int n = points.count();
        double[][] centres = new double[k][];
        centres[0] = points.point(random.nextInt(n));
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            distance[i] = points.squaredDistance(i, centres[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : distance) {
                total += d;
            }
            int pick = 0;
            if (total > 0) {
                double target = random.nextDouble() * total;
                double sum = 0;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    sum += distance[i];
                    if (sum > target) {
                        pick = i;
                        break;
                    }
                }
            }
            centres[c] = points.point(pick);
            for (int i = 0; i < n; i++) {
                distance[i] = Math.min(distance[i], points.squaredDistance(i, centres[c]));
            }
        }
        return centres;
    }

    private static Refined lloyd(Flat points, double[][] centres, boolean parallel) {
        int[] labels = assign(points, centres, parallel);
        int dimensions = points.dimensions();
        double[] values = points.values();
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] sums = new double[centres.length][dimensions];
            int[] counts = new int[centres.length];
            for (int i = 0; i < labels.length; i++) {
                double[] sum = sums[labels[i]];
                counts[labels[i]]++;
                for (int j = 0, at = i * dimensions; j < dimensions; j++, at++) {
                    sum[j] += values[at];
                }
            }
            for (int c = 0; c < centres.length; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < dimensions; j++) {
                        centres[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
            int[] next = assign(points, centres, parallel);
            if (java.util.Arrays.equals(next, labels)) {
                return new Refined(centres, true);
            }
            labels = next;
        }
        return new Refined(centres, false);
    }

    private static double cost(Flat points, double[][] centres) {
        double cost = 0;
        for (int i = 0; i < points.count(); i++) {
            cost += points.squaredDistance(i, centres[points.nearest(i, centres)]);
        }
        return cost;
    }

    /**
     * Points one after the other in one array, and one array per coordinate for the SIMD
     * assignment: the passes over them read memory in order, with no pointer to follow per
     * point, several times faster than over an array per point.
     */
    private record Flat(double[] values, int count, int dimensions, double[][] coordinates) {

        static Flat of(double[][] points) {
            int dimensions = points.length == 0 ? 0 : points[0].length;
            double[] values = new double[points.length * dimensions];
            double[][] coordinates = new double[dimensions][points.length];
            for (int i = 0; i < points.length; i++) {
                System.arraycopy(points[i], 0, values, i * dimensions, dimensions);
                for (int j = 0; j < dimensions; j++) {
                    coordinates[j][i] = points[i][j];
                }
            }
            return new Flat(values, points.length, dimensions, coordinates);
        }

        double[] point(int i) {
            return java.util.Arrays.copyOfRange(values, i * dimensions, (i + 1) * dimensions);
        }

        double squaredDistance(int i, double[] centre) {
            return LocalKMeans.squaredDistance(values, i * dimensions, centre);
        }

        int nearest(int i, double[][] centres) {
            return LocalKMeans.nearest(values, i * dimensions, centres);
        }

        /** The nearest centres of points from to end into labels, SIMD {@code blocks} of them or one by one. */
        void assign(double[][] centres, int[] labels, int from, int end, boolean blocks) {
            int i = blocks ? VectorAssignment.assign(coordinates, centres, labels, from, end) : from;
            for (; i < end; i++) {
                labels[i] = nearest(i, centres);
            }
        }
    }
}
