package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchSumsTest {

    @Test
    void testJvmRunsTheSimdKernelAsLaunchedRunsDo() {
        // Surefire reads the same conf/java17-spark.args as submit/symseg
        assertInstanceOf(VectorPatchSums.class, PatchSums.widest());
    }

    @Test
    void simdAndScalarScoresAreBitIdenticalForEveryOperationAndCentring() {
        double[] values = randomValues();
        List<PointOperation> ops = operations();
        int run = 13; // blocks of SIMD lanes and a tail of single pixels
        for (int c = 0; c < 4; c++) {
            Disk disk = Disk.of(9, c % 2 == 1, c / 2 == 1);
            SamplingTable[] tables = ops.stream().map(op -> SamplingTable.of(op, disk))
                    .toArray(SamplingTable[]::new);
            float[] simd = new float[run * ops.size()];
            float[] scalar = new float[run * ops.size()];
            int start = 20 * 60 + 15;
            new DiskScorer(values, 60, disk, tables, new VectorPatchSums()).scoreRun(start, run, simd, 0, run);
            new DiskScorer(values, 60, disk, tables, new ScalarPatchSums()).scoreRun(start, run, scalar, 0, run);
            for (int i = 0; i < simd.length; i++) {
                assertEquals(Float.floatToIntBits(scalar[i]), Float.floatToIntBits(simd[i]),
                        ops.get(i / run).name() + " centring " + c + " pixel " + i % run);
            }
        }
    }

    @Test
    void tilesOverRowPairsAreBitIdenticalToSinglePixels() {
        double[] values = randomValues();
        RowPairs pairs = new RowPairs(values, 60, 40);
        List<PointOperation> ops = operations();
        float[] tile = new float[4];
        for (int c = 0; c < 4; c++) {
            Disk disk = Disk.of(9, c % 2 == 1, c / 2 == 1);
            SamplingTable[] tables = ops.stream().map(op -> SamplingTable.of(op, disk))
                    .toArray(SamplingTable[]::new);
            DiskScorer tiles = DiskScorer.overRowPairs(pairs, disk, tables, new VectorPatchSums());
            DiskScorer single = new DiskScorer(values, 60, disk, tables, new ScalarPatchSums());
            int x = 15;
            int y = 18;
            tiles.enterBlock(pairs.at(x, y));
            for (int o = 0; o < ops.size(); o++) {
                tiles.scoreBlock(o, tile);
                for (int lane = 0; lane < tile.length; lane++) {
                    // lane l is pixel (l / 2, l % 2) of the tile
                    int at = (y + lane % 2) * 60 + x + lane / 2;
                    assertEquals(Float.floatToIntBits(single.scoreOne(at, o)), Float.floatToIntBits(tile[lane]),
                            ops.get(o).name() + " centring " + c + " lane " + lane);
                }
            }
        }
    }

    private static double[] randomValues() {
        QuantizedImage image = PointSymmetryDescriptorTest.random(60, 40, 5);
        return java.util.Arrays.stream(image.pixels()).asDoubleStream().toArray();
    }

    private static List<PointOperation> operations() {
        List<PointOperation> ops = new ArrayList<>();
        for (double angle : List.of(60.0, 90.0, 120.0, 180.0, 37.5)) {
            ops.add(PointOperation.rotation(angle));
        }
        for (int i = 0; i < 8; i++) {
            ops.add(PointOperation.reflection(180.0 * i / 8));
        }
        return ops;
    }
}
