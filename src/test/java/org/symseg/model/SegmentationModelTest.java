package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void manyPointsAtOnceGiveTheBitsOfOneAtATime() {
        Random random = new Random(11);
        int length = 29;
        // points in any order and spacing, as the fit sample's are; counts below, at and past a
        // SIMD block of any width up to 16 lanes
        float[] data = new float[80 * length + 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * 1e3);
        }
        // past the points a JVM projects one at a time before it takes SIMD blocks
        SegmentationModel tiny = new SegmentationModel(new double[][] {{1}}, new double[0][]);
        tiny.project(new float[1], new int[(int) SegmentationModel.SIMD_AFTER + 1]);
        for (int features = 1; features <= 13; features += 3) {
            double[][] axes = new double[features][length];
            for (double[] axis : axes) {
                for (int d = 0; d < length; d++) {
                    axis[d] = random.nextGaussian();
                }
            }
            double[][] centres = {new double[features], new double[features]};
            centres[1][0] = 10;
            SegmentationModel model = new SegmentationModel(axes, centres);
            for (int points : new int[] {0, 1, 7, 8, 17, 80}) {
                int[] offsets = new int[points];
                for (int p = 0; p < points; p++) {
                    offsets[p] = random.nextInt(data.length - length + 1);
                }
                double[] all = model.project(data, offsets);
                short[] labels = model.labels(data, offsets);
                assertEquals(points * features, all.length);
                double[] one = new double[features];
                for (int p = 0; p < points; p++) {
                    model.project(data, offsets[p], one);
                    for (int c = 0; c < features; c++) {
                        assertEquals(Double.doubleToLongBits(one[c]), Double.doubleToLongBits(all[p * features + c]),
                                "feature " + c + " of point " + p + " of " + points);
                    }
                    assertEquals(model.nearest(one), labels[p]);
                }
            }
        }
    }

    @Test
    void aDescriptorPastTheValuesIsRefused() {
        SegmentationModel model = new SegmentationModel(new double[2][10], new double[0][]);
        float[] data = new float[95];
        int[] offsets = new int[16];
        offsets[9] = 86;
        assertThrows(IllegalArgumentException.class, () -> model.project(data, offsets));
        offsets[9] = -1;
        assertThrows(IllegalArgumentException.class, () -> model.project(data, offsets));
    }
}
