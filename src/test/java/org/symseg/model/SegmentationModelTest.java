package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentationModelTest {

    @Test
    void projectionGivesEachFeatureSummedInDescriptorOrderForAnyNumberOfFeatures() {
        Random random = new Random(7);
        int length = 37;
        float[] data = new float[3 * length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        for (int features = 1; features <= 13; features++) {
            double[][] axes = new double[features][length];
            for (double[] axis : axes) {
                for (int d = 0; d < length; d++) {
                    axis[d] = random.nextGaussian();
                }
            }
            SegmentationModel model = new SegmentationModel(axes, new double[0][]);
            double[] projected = new double[features + 1];
            projected[features] = -1;
            model.project(data, length, projected);
            for (int c = 0; c < features; c++) {
                double sum = 0;
                for (int d = 0; d < length; d++) {
                    sum += axes[c][d] * data[length + d];
                }
                assertEquals(Double.doubleToLongBits(sum), Double.doubleToLongBits(projected[c]),
                        "feature " + c + " of " + features);
            }
            assertEquals(-1, projected[features], "nothing written past the last feature");
        }
    }
}
