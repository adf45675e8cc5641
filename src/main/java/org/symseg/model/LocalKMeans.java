package org.symseg.model;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

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

    private LocalKMeans() {
    }

    /** Centres of k clusters of {@code points}; fewer distinct points than k leave centres doubled. */
    public static double[][] fit(double[][] points, int k, long seed) {
        if (points.length == 0) {
            throw new IllegalArgumentException("no points to cluster");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] starts = new double[SEEDINGS][][];
        for (int s = 0; s < SEEDINGS; s++) {
            starts[s] = seeding(points, k, random);
        }
        // Lloyd's iterations draw nothing, so the seedings' runs go on all cores at once, each
        // on one: splitting every iteration's assignment as well cost as much as it saved
        double[][][] ends = new double[SEEDINGS][][];
        double[] costs = new double[SEEDINGS];
        IntStream.range(0, SEEDINGS).parallel().forEach(s -> {
            ends[s] = lloyd(points, starts[s], false);
            costs[s] = cost(points, ends[s]);
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
     * Lloyd iterations from {@code start} (left as it is) until no point changes cluster, or
     * {@link #MAX_ITERATIONS}: the centres then are the means of the points nearest to them.
     */
    public static double[][] refine(double[][] points, double[][] start) {
        double[][] centres = new double[start.length][];
        for (int c = 0; c < start.length; c++) {
            centres[c] = start[c].clone();
        }
        return lloyd(points, centres, points.length >= PARALLEL_POINTS);
    }

    /** Index of the nearest centre; ties go to the lower index. */
    public static int nearest(double[] point, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = squaredDistance(point, centres[c]);
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
        return assign(points, centres, points.length >= PARALLEL_POINTS);
    }

    private static int[] assign(double[][] points, double[][] centres, boolean parallel) {
        int[] labels = new int[points.length];
        IntStream all = IntStream.range(0, points.length);
        (parallel ? all.parallel() : all).forEach(i -> labels[i] = nearest(points[i], centres));
        return labels;
    }

    static double squaredDistance(double[] a, double[] b) {
        double d = 0;
        for (int j = 0; j < a.length; j++) {
            double e = a[j] - b[j];
            d += e * e;
        }
        return d;
    }

    /** k-means++: each next centre drawn with probability proportional to its squared distance. */
    private static double[][] seeding(double[][] points, int k, SplittableRandom random) {
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(points.length)].clone();
        double[] distance = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            distance[i] = squaredDistance(points[i], centres[0]);
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
                pick = points.length - 1;
                for (int i = 0; i < points.length; i++) {
                    sum += distance[i];
                    if (sum > target) {
                        pick = i;
                        break;
                    }
                }
            }
            centres[c] = points[pick].clone();
            for (int i = 0; i < points.length; i++) {
                distance[i] = Math.min(distance[i], squaredDistance(points[i], centres[c]));
            }
        }
        return centres;
    }

    private static double[][] lloyd(double[][] points, double[][] centres, boolean parallel) {
        int[] labels = assign(points, centres, parallel);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] sums = new double[centres.length][points[0].length];
            int[] counts = new int[centres.length];
            for (int i = 0; i < points.length; i++) {
                counts[labels[i]]++;
                for (int j = 0; j < points[i].length; j++) {
                    sums[labels[i]][j] += points[i][j];
                }
            }
            for (int c = 0; c < centres.length; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < sums[c].length; j++) {
                        centres[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
            int[] next = assign(points, centres, parallel);
            if (java.util.Arrays.equals(next, labels)) {
                break;
            }
            labels = next;
        }
        return centres;
    }

    private static double cost(double[][] points, double[][] centres) {
        double cost = 0;
        for (double[] point : points) {
            cost += squaredDistance(point, centres[nearest(point, centres)]);
        }
        return cost;
    }
}
