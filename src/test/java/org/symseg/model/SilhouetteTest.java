package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Local k-means, the silhouette score and the choice of k, on points small enough to check. */
class SilhouetteTest {

    /** The silhouette straight from its definition, over all pairs. */
    private static double bruteForce(double[][] points, int[] labels, int k) {
        double total = 0;
        for (int i = 0; i < points.length; i++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j = 0; j < points.length; j++) {
                if (j != i) {
                    sum[labels[j]] += LocalKMeans.squaredDistance(points[i], points[j]);
                    count[labels[j]]++;
                }
            }
            if (count[labels[i]] == 0) {
                continue;
            }
            double a = sum[labels[i]] / count[labels[i]];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != labels[i] && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            total += (b - a) / Math.max(a, b);
        }
        return total / points.length;
    }

    private static double[][] blobs(int perBlob, double[][] centres, long seed) {
        Random random = new Random(seed);
        double[][] points = new double[perBlob * centres.length][];
        for (int i = 0; i < points.length; i++) {
            double[] c = centres[i % centres.length];
            points[i] = new double[] {c[0] + random.nextGaussian(), c[1] + random.nextGaussian()};
        }
        return points;
    }

    @Test
    void matchesTheDefinitionOnAHandCase() {
        // a = 1 within each pair; b = mean of 100 and 121 (x) resp. 81 and 100 (y)
        double[][] points = {{0, 0}, {1, 0}, {10, 0}, {11, 0}};
        int[] labels = {0, 0, 1, 1};
        double expected = ((1 - 1 / 110.5) * 2 + (1 - 1 / 90.5) * 2) / 4;
        assertEquals(expected, Silhouette.mean(points, labels, 2), 1e-12);
    }

    @Test
    void matchesTheDefinitionOnRandomClusterings() {
        Random random = new Random(3);
        double[][] points = blobs(40, new double[][] {{0, 0}, {4, 1}, {1, 5}}, 9);
        for (int k = 2; k <= 4; k++) {
            int[] labels = new int[points.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = random.nextInt(k);
            }
            assertEquals(bruteForce(points, labels, k), Silhouette.mean(points, labels, k), 1e-9);
        }
    }

    @Test
    void kMeansIsSeededAndFindsSeparatedBlobs() {
        double[][] truth = {{0, 0}, {20, 0}, {0, 20}};
        double[][] points = blobs(50, truth, 1);
        double[][] centres = LocalKMeans.fit(points, 3, 42);
        assertArrayEquals(centres, LocalKMeans.fit(points, 3, 42));
        for (double[] t : truth) {
            assertTrue(LocalKMeans.squaredDistance(t, centres[LocalKMeans.nearest(t, centres)]) < 1, "no centre near a blob");
        }
        // the true number of blobs has the best silhouette
        double best = Double.NEGATIVE_INFINITY;
        int bestK = 0;
        for (int k = 2; k <= 5; k++) {
            double s = Silhouette.mean(points, LocalKMeans.assign(points, LocalKMeans.fit(points, k, 42)), k);
            if (s > best) {
                best = s;
                bestK = k;
            }
        }
        assertEquals(3, bestK);
    }

    @Test
    void refiningLeavesTheStartAloneAndEndsAtTheMeansOfItsClusters() {
        double[][] points = blobs(50, new double[][] {{0, 0}, {6, 0}, {0, 6}}, 2);
        double[][] start = {{1, 1}, {5, 1}, {1, 5}};
        LocalKMeans.Refined result = LocalKMeans.refine(points, start);
        assertTrue(result.converged());
        double[][] refined = result.centres();
        assertArrayEquals(new double[][] {{1, 1}, {5, 1}, {1, 5}}, start);
        int[] labels = LocalKMeans.assign(points, refined);
        for (int c = 0; c < refined.length; c++) {
            double[] mean = new double[2];
            int count = 0;
            for (int i = 0; i < points.length; i++) {
                if (labels[i] == c) {
                    mean[0] += points[i][0];
                    mean[1] += points[i][1];
                    count++;
                }
            }
            assertArrayEquals(new double[] {mean[0] / count, mean[1] / count}, refined[c], 1e-12);
        }
    }

    @Test
    void choiceRoundsScoresAndPrefersTheSmallerK() {
        assertEquals(3, KSelection.best("s", Map.of(2, 0.5, 3, 0.7, 4, 0.6)).chosen());
        assertEquals(2, KSelection.best("s", Map.of(4, 0.7, 2, 0.7 + 1e-12, 3, 0.7)).chosen());
        assertEquals(3, KSelection.best("s", Map.of(2, Double.NaN, 3, -0.1)).chosen());
    }
}
