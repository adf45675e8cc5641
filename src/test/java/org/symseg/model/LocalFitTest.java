package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Spark-free fit: PCA by eigenvectors of the covariance, then clustering in canonical label order. */
class LocalFitTest {

    @Test
    void axesAreEigenvectorsInOrderOfVariance() {
        Random random = new Random(11);
        double[][] points = new double[500][4];
        for (double[] p : points) {
            double along = random.nextGaussian() * 5;
            double across = random.nextGaussian();
            // most variance along (1, 1, 0, 0)/sqrt(2), some along (0, 0, 1, 0), little elsewhere
            p[0] = along + 0.1 * random.nextGaussian();
            p[1] = along + 0.1 * random.nextGaussian();
            p[2] = 2 * across;
            p[3] = 0.05 * random.nextGaussian();
        }
        double[][] axes = LocalPca.axes(points, 2);
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5), 0, 0}, axes[0], 0.01);
        assertArrayEquals(new double[] {0, 0, 1, 0}, axes[1], 0.01);
        double[][] c = LocalPca.covariance(points);
        for (double[] axis : LocalPca.axes(points, 4)) {
            double[] image = new double[4];
            double lambda = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    image[i] += c[i][j] * axis[j];
                }
                lambda += image[i] * axis[i];
            }
            for (int i = 0; i < 4; i++) {
                assertEquals(lambda * axis[i], image[i], 1e-9, "C v = lambda v");
            }
        }
    }

    @Test
    void clustersInCanonicalOrder() {
        // 30 points near 0 and 10 near 5 along one dimension: the larger group is label 0
        float[] descriptors = new float[40 * 2];
        Random random = new Random(2);
        for (int i = 0; i < 40; i++) {
            descriptors[2 * i] = (i < 10 ? 5 : 0) + (float) random.nextGaussian() * 0.1f;
            descriptors[2 * i + 1] = (float) random.nextGaussian() * 0.01f;
        }
        SegmentationModel model = LocalFit.cluster(LocalFit.project(descriptors, 40, 2, 1), 2, 42);
        short[] labels = model.labels(descriptors, 40);
        for (int i = 0; i < 40; i++) {
            assertEquals(i < 10 ? 1 : 0, labels[i], "point " + i);
        }
    }
}
