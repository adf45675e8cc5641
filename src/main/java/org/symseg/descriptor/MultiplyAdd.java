package org.symseg.descriptor;

/**
 * x y + z for the rotation and reflection kernels, whose every product is exact in a double
 * (whole pixels below 2^16, bilinear weights that are multiples of 2^-10: {@link SamplingTable}):
 * so a fused multiply-add, rounded once, and a product followed by a sum give the same bits, and
 * a descriptor's values do not depend on which one a machine runs.
 *
 * <p>Fused where the CPU has the instruction: it saves an operation a term. Without it (x86
 * before AVX2, or a virtual machine whose CPU model hides it), {@code Math.fma} and the vector
 * API's {@code fma} fall back to software thousands of times slower (a rotation descriptor of a
 * 256 x 256 image did not finish in five minutes instead of 75 ms; BENCHMARKS.md, issue 7), so
 * there the product and sum are used, and the SIMD kernels, which fuse, are not.
 */
final class MultiplyAdd {

    /** Whether this JVM compiles {@code Math.fma} to the CPU's instruction. */
    static final boolean FUSED = CpuFeatures.fusedMultiplyAdd();

    private MultiplyAdd() {
    }

    static double of(double x, double y, double z) {
        return FUSED ? Math.fma(x, y, z) : x * y + z;
    }
}
