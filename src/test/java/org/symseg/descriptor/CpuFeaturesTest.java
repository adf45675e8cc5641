package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On CPUs that lack what the SIMD kernels need, the scalar kernels run instead (the vector API's
 * own fallback is tens to thousands of times slower), and the descriptors are the same bits.
 * A second JVM is told by HotSpot's options to behave as such a CPU ({@code -XX:-UseFMA}: no
 * fused multiply-add; {@code -XX:MaxVectorSize=8}: one-lane vectors) and must pick the scalar
 * kernels and give the same sums and descriptors as this JVM, which runs the SIMD kernels
 * wherever the CPU can.
 */
class CpuFeaturesTest {

    /**
     * The kernels' double sums of every mirror and centring of a radius-20 disk, then whole
     * descriptors (whole-pixel, half-pixel and pair kernels, and a sampled disk), on 16-bit noise,
     * whose extremes stress exactness. The sums catch a last-bit difference that a score, kept as
     * a float, would mostly round away.
     */
    private static String checksum() {
        QuantizedImage image = PointSymmetryDescriptorTest.random(90, 86, 17);
        CRC32 crc = new CRC32();
        double[] values = image.asDoubles();
        PatchSums sums = PatchSums.widest();
        int lanes = sums.lanes();
        double[][] out = new double[4][lanes];
        for (int c = 0; c < 4; c++) {
            Disk disk = Disk.of(20, c % 2 == 1, c / 2 == 1);
            int[] offsets = new int[disk.size()];
            for (int k = 0; k < offsets.length; k++) {
                offsets[k] = disk.v(k) * image.width() + disk.u(k);
            }
            int[] opposite = new int[offsets.length];
            for (int k = 0; k < offsets.length; k++) {
                opposite[k] = offsets[disk.opposite()[k]];
            }
            for (int m = 0; m < 10; m++) {
                SamplingTable table = SamplingTable.of(PointOperation.reflection(18.0 * m), disk);
                if (table.taps == 1) {
                    continue;
                }
                int[] taps = new int[offsets.length];
                int[] linear = table.linearOffsets(1, image.width());
                for (int k = 0; k < taps.length; k++) {
                    taps[k] = linear[4 * k];
                }
                // eight pixels a row, in blocks of whatever width this JVM's kernel has
                for (int y = 22; y < 64; y += 3) {
                    for (int x = 22; x < 30; x += lanes) {
                        sums.bilinearPair(values, y * image.width() + x + y % 7, 1, image.width(), offsets,
                                opposite, taps, table.weight, out[0], out[1], out[2], out[3]);
                        for (int lane = 0; lane < lanes; lane++) {
                            for (double[] sum : out) {
                                update(crc, Double.doubleToLongBits(sum[lane]));
                            }
                        }
                    }
                }
            }
        }
        List<Descriptor> descriptors = List.of(
                new TranslationDescriptor(8, 9, 40),
                PointSymmetryDescriptor.rotation(20, 7, List.of(60.0, 90.0, 120.0, 180.0)),
                PointSymmetryDescriptor.reflection(20, 7, 10),
                PointSymmetryDescriptor.reflection(20, 7, 3, 10),
                new ReflectionDescriptor(20, 7, 10));
        for (Descriptor descriptor : descriptors) {
            int reach = descriptor.reach();
            int[] xs = {reach, reach + 5, 90 - 1 - reach};
            int[] ys = {reach, reach + 7, 86 - 1 - reach};
            float[] scores = new float[xs.length * ys.length * descriptor.length()];
            descriptor.compute(image, xs, ys, scores);
            for (float value : scores) {
                update(crc, Float.floatToIntBits(value));
            }
        }
        return Long.toHexString(crc.getValue());
    }

    private static void update(CRC32 crc, long bits) {
        for (int i = 0; i < 8; i++) {
            crc.update((int) (bits >>> (8 * i)));
        }
    }

    /**
     * Run by the second JVM: whether it fuses, the kernels it picked, and the checksum; the
     * kernels first, which takes the point scores past their threshold, so that the checksum's
     * translation scores are SIMD ones where the CPU has them and this JVM's may be scalar.
     */
    public static void main(String[] args) {
        System.out.println(kernels() + " " + checksum());
    }

    private static String kernels() {
        return (MultiplyAdd.FUSED ? "fused " : "unfused ") + PatchSums.widest().getClass().getSimpleName() + " "
                + (ColumnProducts.widest() == ColumnProducts.SCALAR ? "scalar" : "simd") + " columns "
                + (PointScores.widest(PointScores.SIMD_AFTER + 1) == PointScores.SCALAR ? "scalar" : "simd") + " scores";
    }

    /**
     * {@code scores}: "here" where the second JVM keeps this one's choice of point scores (SIMD
     * only on CPUs with AVX-512DQ), else the choice it must make.
     */
    @ParameterizedTest
    @CsvSource({"-XX:-UseFMA, unfused ScalarPatchSums simd columns, here",
        "-XX:MaxVectorSize=8, fused ScalarPatchSums scalar columns, scalar",
        "-XX:UseAVX=2, fused VectorPatchSums simd columns, scalar"})
    void descriptorsAreTheSameBitsOnCpusWithoutWhatTheSimdKernelsNeed(String option, String kernels, String scores)
            throws Exception {
        String wantedScores = "here".equals(scores)
                ? (CpuFeatures.longVectors() ? "simd" : "scalar") : scores;
        String here = checksum();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        // UseAVX is x86's: elsewhere the second JVM ignores it and keeps the kernels it would pick
        command.add("-XX:+IgnoreUnrecognizedVMOptions");
        command.add(option);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CpuFeaturesTest.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // the software fallback would take hours; the scalar kernels take a second
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the JVM with " + option + " did not finish in two minutes");
        }
        String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(kernels + " " + wantedScores + " scores " + here, answer);
    }
}
