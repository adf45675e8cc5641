package org.symseg.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.symseg.descriptor.Descriptor;
import org.symseg.descriptor.PointSymmetryDescriptor;
import org.symseg.descriptor.QuantizedImage;
import org.symseg.descriptor.ReflectionDescriptor;

/**
 * The rotation and reflection descriptors on one 128-pixel tile core plus halo (stride 5, 676
 * points), at the reference settings (radius 20, pooling window half-size 20): reflection on
 * grids turned to its mirrors, as the pipeline computes it, and on the pixel grid, as it did
 * before (the slow path its labels are compared with). Run with
 * {@code submit/jmh.sh PointSymmetry}; add {@code -jvmArgs -Xmx2g} to time the scalar fallback
 * (a JVM without the incubating vector module).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class PointSymmetryBench {

    static final int CORE = 128;
    static final int STRIDE = 5;

    @Param({"rotation", "reflection", "reflection-pixel-grid"})
    public String kind;

    private Descriptor descriptor;
    private QuantizedImage image;
    private int[] xs;
    private float[] out;

    @Setup
    public void setUp() {
        descriptor = switch (kind) {
            case "rotation" -> PointSymmetryDescriptor.rotation(20, 41, List.of(60.0, 90.0, 120.0, 180.0));
            case "reflection" -> new ReflectionDescriptor(20, 41, 10);
            default -> PointSymmetryDescriptor.reflection(20, 41, 10);
        };
        int reach = descriptor.reach();
        image = TranslationBench.noisyLattice(CORE + 2 * reach, 1);
        xs = new int[CORE / STRIDE + 1];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = reach + i * STRIDE;
        }
        out = new float[xs.length * xs.length * descriptor.length()];
    }

    /** Every point of the tile. */
    @Benchmark
    public float[] pooledScores() {
        descriptor.compute(image, xs, xs, out);
        return out;
    }
}
