package org.symseg.bench;

import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;
import org.symseg.descriptor.QuantizedImage;
import org.symseg.descriptor.TranslationDescriptor;

/**
 * The translation kernel on one tile (a 512-pixel core plus its halo, stride 5), beside a plain
 * streaming pass (read one array, write another) over as many values as the kernel touches per
 * shift, and the direct method on a smaller tile. Run with {@code submit/jmh.sh Translation}.
 * Three forks: the streaming pass's time moves by a fifth from one JVM to the next (where its
 * arrays land in memory), so the ratio of one fork alone swings by as much (BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = "-Xmx2g")
public class TranslationBench {

    static final int CORE = 512;
    static final int STRIDE = 5;

    /** Patch half-size and window half-size: the reference defaults, and the paper's Fe-Nb reach. */
    @Param({"20:21", "20:150"})
    public String setting;

    private TranslationDescriptor descriptor;
    private QuantizedImage image;
    private int[] xs;
    private int[] ys;
    private float[] out;
    private long[] streamIn;
    private long[] streamOut;
    private QuantizedImage small;
    private int[] smallXs;
    private float[] smallOut;
    private int patch;

    @Setup
    public void setUp() {
        String[] parts = setting.split(":");
        patch = Integer.parseInt(parts[0]);
        descriptor = new TranslationDescriptor(patch, Integer.parseInt(parts[1]), 100);
        int reach = descriptor.reach();
        int size = CORE + 2 * reach;
        image = noisyLattice(size, 1);
        xs = grid(reach, CORE / STRIDE);
        ys = xs;
        out = new float[xs.length * ys.length * descriptor.length()];
        int box = (CORE + 2 * patch) * (CORE + 2 * patch);
        streamIn = new long[box];
        streamOut = new long[box];
        small = noisyLattice(2 * reach + 50, 2);
        smallXs = grid(reach, 10);
        smallOut = new float[smallXs.length * smallXs.length * descriptor.length()];
    }

    private static int[] grid(int first, int count) {
        int[] g = new int[count];
        for (int i = 0; i < count; i++) {
            g[i] = first + i * STRIDE;
        }
        return g;
    }

    static QuantizedImage noisyLattice(int size, long seed) {
        Random random = new Random(seed);
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = Math.cos(2 * Math.PI * x / 12.0) * Math.cos(2 * Math.PI * y / 12.0);
                pixels[y * size + x] = (int) Math.max(0, Math.min(65535,
                        Math.round(30000 + 20000 * v + 4000 * random.nextGaussian())));
            }
        }
        return new QuantizedImage(pixels, size, size);
    }

    /** All 100 shifts of the 102 x 102 points of one tile. */
    @Benchmark
    public float[] translationKernel() {
        descriptor.compute(image, xs, ys, out);
        return out;
    }

    /** One read-and-write pass over the values the kernel forms per shift. */
    @Benchmark
    public void streamingPass(Blackhole hole) {
        long[] a = streamIn;
        long[] b = streamOut;
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i] + 1;
        }
        hole.consume(b);
    }

    /** The direct method, on 10 x 10 points only (it is slow): scale by the point count. */
    @Benchmark
    @Measurement(iterations = 3, time = 2)
    public float[] directMethod100Points() {
        DirectTranslation.compute(small, smallXs, smallXs, descriptor.shifts(), patch, smallOut);
        return smallOut;
    }
}
