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
        QuantizedImage image = PointSymmetryDescriptorTest.random(60, 40, 5);
        double[] values = image.asDoubles();
        RowSums rowSums = new RowSums(image);
        List<PointOperation> ops = operations();
        int run = 13; // blocks of SIMD lanes and a tail of single pixels
        for (int c = 0; c < 4; c++) {
            Disk disk = Disk.of(9, c % 2 == 1, c / 2 == 1);
            SamplingTable[] tables = ops.stream().map(op -> SamplingTable.of(op, disk))
                    .toArray(SamplingTable[]::new);
            float[] simd = new float[run * ops.size()];
            float[] scalar = new float[run * ops.size()];
            new DiskScorer(values, 60, rowSums, disk, tables, new VectorPatchSums()).scoreRun(15, 20, run, simd, 0, run);
            new DiskScorer(values, 60, rowSums, disk, tables, new ScalarPatchSums()).scoreRun(15, 20, run, scalar, 0, run);
            for (int i = 0; i < simd.length; i++) {
                assertEquals(Float.floatToIntBits(scalar[i]), Float.floatToIntBits(simd[i]),
                        ops.get(i / run).name() + " centring " + c + " pixel " + i % run);
            }
        }
    }

    @Test
    void tilesOverRowPairsAreBitIdenticalToSinglePixels() {
        // 64 wide: rows are padded apart, here and in the row pairs
        QuantizedImage image = PointSymmetryDescriptorTest.random(64, 40, 5);
        int stride = QuantizedImage.paddedStride(64);
        double[] values = image.asDoubles(stride);
        RowSums rowSums = new RowSums(image);
        RowPairs pairs = new RowPairs(values, stride, 64, 40);
        List<PointOperation> ops = operations();
        for (int c = 0; c < 4; c++) {
            Disk disk = Disk.of(9, c % 2 == 1, c / 2 == 1);
            SamplingTable[] tables = ops.stream().map(op -> SamplingTable.of(op, disk))
                    .toArray(SamplingTable[]::new);
            DiskScorer tiles = DiskScorer.overRowPairs(pairs, rowSums, disk, tables, new VectorPatchSums());
            DiskScorer single = new DiskScorer(values, stride, rowSums, disk, tables, new ScalarPatchSums());
            // a tile's lanes are as many as the CPU's vectors hold: 4 with AVX2, 8 with AVX-512
            float[] tile = new float[tiles.lanes()];
            int x = 15;
            int y = 18;
            tiles.enterBlock(x, y);
            for (int o = 0; o < ops.size(); o++) {
                tiles.scoreBlock(o, tile);
                for (int lane = 0; lane < tile.length; lane++) {
                    // lane l is pixel (l / 2, l % 2) of the tile
                    float score = single.scoreOne(x + lane / 2, y + lane % 2, o);
                    assertEquals(Float.floatToIntBits(score), Float.floatToIntBits(tile[lane]),
                            ops.get(o).name() + " centring " + c + " lane " + lane);
                }
            }
        }
    }

    @Test
    void rowSumsGiveTheBitsOfSummingTheSamplesOneByOne() {
        // 16-bit pixels over their whole range
        QuantizedImage image = PointSymmetryDescriptorTest.random(60, 40, 7);
        double[] values = image.asDoubles();
        RowSums rowSums = new RowSums(image);
        double[] sa = new double[33];
        double[] saa = new double[33];
        for (int c = 0; c < 4; c++) {
            Disk disk = Disk.of(12, c % 2 == 1, c / 2 == 1);
            int[] spans = rowSums.spans(disk);
            for (int y = 13; y < 26; y += 3) {
                // a run of 33 pixels from x = 13, as the whole-pixel pass asks for them
                rowSums.originals(13, y, 33, spans, disk.size(), sa, saa, 0);
                for (int x = 13; x < 46; x++) {
                    // the sums as the kernels added them up before
                    double base = values[y * 60 + x];
                    double s = 0;
                    double ss = 0;
                    for (int k = 0; k < disk.size(); k++) {
                        double a = values[(y + disk.v(k)) * 60 + x + disk.u(k)] - base;
                        s += a;
                        ss += a * a;
                    }
                    assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(sa[x - 13]));
                    assertEquals(Double.doubleToLongBits(ss), Double.doubleToLongBits(saa[x - 13]));
                }
            }
        }
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
