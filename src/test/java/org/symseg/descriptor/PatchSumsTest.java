package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchSumsTest {

    @Test
    void testJvmRunsTheSimdKernelAsLaunchedRunsDo() {
        // Surefire reads the same conf/java17-spark.args as submit/symseg; a CPU without fused
        // multiply-adds runs the scalar kind (MultiplyAdd)
        Class<? extends PatchSums> expected = MultiplyAdd.FUSED ? VectorPatchSums.class : ScalarPatchSums.class;
        assertInstanceOf(expected, PatchSums.widest());
    }

    @Test
    void blocksThatWouldReadOutsideTheValuesAreRefusedThoughTheSimdLoadsCheckNothing() {
        // as launched, the vector module's loads skip their bounds checks
        assertEquals(0, Integer.getInteger("jdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK", 2));
        QuantizedImage image = PointSymmetryDescriptorTest.random(60, 40, 5);
        RowSums rowSums = new RowSums(image);
        Disk disk = Disk.of(9);
        SamplingTable[] tables = operations().stream().map(op -> SamplingTable.of(op, disk))
                .toArray(SamplingTable[]::new);
        float[] out = new float[16 * tables.length];
        // values cut off after row 24, as if they and the row sums had come apart: patches of
        // radius 9 on row 16 read row 25, so they must not be scored; those on row 15 may
        double[] cut = java.util.Arrays.copyOf(image.asDoubles(), 60 * 25);
        DiskScorer scorer = new DiskScorer(cut, 60, rowSums, disk, tables, new VectorPatchSums());
        var refused = assertThrows(IndexOutOfBoundsException.class, () -> scorer.scoreRun(20, 16, 16, out, 0, 16));
        // refused by symseg's check: uncompiled, the module's own loads would throw a plain index
        // message; compiled, they would read past the array
        assertTrue(refused.getMessage().contains("reach outside"), refused.getMessage());
        scorer.scoreRun(20, 15, 16, out, 0, 16);
    }

    @Test
    void simdAndScalarScoresAreBitIdenticalForEveryOperationAndCentring() {
        QuantizedImage image = PointSymmetryDescriptorTest.random(60, 40, 5);
        double[] values = image.asDoubles();
        RowSums rowSums = new RowSums(image);
        List<PointOperation> ops = operations();
        int lanes = new VectorPatchSums().lanes();
        // whole blocks and a last block overlapping them; a run too short for a block, pixel by pixel
        for (int run : new int[] {lanes + lanes / 2 + 1, lanes - 1}) {
            for (int c = 0; c < 4; c++) {
                Disk disk = Disk.of(9, c % 2 == 1, c / 2 == 1);
                SamplingTable[] tables = ops.stream().map(op -> SamplingTable.of(op, disk))
                        .toArray(SamplingTable[]::new);
                float[] simd = new float[run * ops.size()];
                float[] scalar = new float[run * ops.size()];
                new DiskScorer(values, 60, rowSums, disk, tables, new VectorPatchSums())
                        .scoreRun(15, 20, run, simd, 0, run);
                new DiskScorer(values, 60, rowSums, disk, tables, new ScalarPatchSums())
                        .scoreRun(15, 20, run, scalar, 0, run);
                for (int i = 0; i < simd.length; i++) {
                    assertEquals(Float.floatToIntBits(scalar[i]), Float.floatToIntBits(simd[i]),
                            ops.get(i / run).name() + " centring " + c + " run " + run + " pixel " + i % run);
                }
            }
        }
    }

    @Test
    void aFullBlockWhoseNeighbourhoodWouldReachOutsideTheImageIsRefusedThoughTheSimdGatherChecksNothing() {
        QuantizedImage image = PointSymmetryDescriptorTest.random(64, 48, 5);
        int stride = QuantizedImage.paddedStride(64);
        double[] values = image.asDoubles(stride);
        VectorPatchSums sums = new VectorPatchSums();
        GatheredPatches patches = new GatheredPatches(values, stride, 11, sums);
        GatheredPatches.Cells cells = patches.cells(Disk.of(9, false, false),
                SamplingTable.of(PointOperation.rotation(60), Disk.of(9, false, false)));
        int[] xs = new int[sums.lanes()];
        int[] ys = new int[sums.lanes()];
        java.util.Arrays.fill(xs, 30);
        java.util.Arrays.fill(ys, 24);
        patches.gather(xs, ys, xs.length, cells);
        // the last lane's neighbourhood would run past the image's last row
        ys[xs.length - 1] = 40;
        var refused = assertThrows(IndexOutOfBoundsException.class, () -> patches.gather(xs, ys, xs.length, cells));
        // symseg's check, not the module's own (which only its uncompiled code makes)
        assertTrue(refused.getMessage().contains("reaches outside"), refused.getMessage());
    }

    @Test
    void gatheredPatchesAreBitIdenticalToSinglePixels() {
        // 64 wide: rows are padded apart
        QuantizedImage image = PointSymmetryDescriptorTest.random(64, 48, 5);
        int stride = QuantizedImage.paddedStride(64);
        double[] values = image.asDoubles(stride);
        RowSums rowSums = new RowSums(image);
        List<PointOperation> ops = operations();
        // far apart, out of order, two of them the same pixel; a full block and a part of one
        int[] xs = {12, 50, 31, 12, 40, 13, 27, 51, 33};
        int[] ys = {12, 35, 20, 12, 14, 36, 29, 12, 30};
        int lanes = new VectorPatchSums().lanes(); // 4 with AVX2, 8 with AVX-512
        for (int c = 0; c < 4; c++) {
            Disk disk = Disk.of(9, c % 2 == 1, c / 2 == 1);
            SamplingTable[] tables = ops.stream().map(op -> SamplingTable.of(op, disk))
                    .toArray(SamplingTable[]::new);
            DiskScorer single = new DiskScorer(values, stride, rowSums, disk, tables, new ScalarPatchSums());
            float[] block = new float[lanes];
            for (int from = 0; from < xs.length; from += lanes) {
                int count = Math.min(lanes, xs.length - from);
                int[] bx = java.util.Arrays.copyOfRange(xs, from, from + count);
                int[] by = java.util.Arrays.copyOfRange(ys, from, from + count);
                for (int o = 0; o < ops.size(); o++) {
                    // fresh patches, so that a cell the operation reads but the copy leaves out reads 0
                    GatheredPatches patches = new GatheredPatches(values, stride, 11, new VectorPatchSums());
                    DiskScorer gathered = DiskScorer.overGathered(patches, rowSums, disk, tables, new VectorPatchSums());
                    // a partner is scored from what the first of the two reads, as HalfPixelScoring does
                    int partner = gathered.partner(o);
                    int lead = partner < 0 ? o : Math.min(o, partner);
                    patches.gather(bx, by, count, patches.cells(disk, tables[lead]));
                    gathered.enter(patches.at(), bx, by, count);
                    gathered.scoreBlock(o, block);
                    for (int lane = 0; lane < count; lane++) {
                        float score = single.scoreOne(bx[lane], by[lane], o);
                        assertEquals(Float.floatToIntBits(score), Float.floatToIntBits(block[lane]),
                                ops.get(o).name() + " centring " + c + " pixel (" + bx[lane] + ", " + by[lane] + ")");
                    }
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
