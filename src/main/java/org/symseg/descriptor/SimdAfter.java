package org.symseg.descriptor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * When a SIMD kernel starts to pay in this JVM. Vector code runs as slow C1 code until C2 has
 * compiled it: a fresh JVM's first tile took the covariance products 181-188 ms instead of
 * 48-52 ms, and a gathering projection 223 ms instead of 4.6 ms (BENCHMARKS.md), more than a
 * one-image run gains from them. So each kernel's first units of work in a JVM go to its scalar
 * twin, and once they pass a threshold, a run large enough to repay the compilation many times,
 * to the SIMD kernel, if the CPU runs it. Both give the same bits, so results do not depend on
 * which ran.
 */
public final class SimdAfter {

    private final long threshold;
    private final BooleanSupplier cpuRunsIt;
    private final AtomicLong done = new AtomicLong();
    /**
     * {@code cpuRunsIt}'s answer, asked once the threshold is passed, so that a small run never
     * asks the CPU's features or loads a vector class.
     */
    private volatile Boolean runs;

    /** A kernel whose SIMD twin every CPU runs (or which chooses its own kind). */
    public SimdAfter(long threshold) {
        this(threshold, () -> true);
    }

    /** A kernel whose SIMD twin runs where {@code cpuRunsIt} says ({@link CpuFeatures}). */
    public SimdAfter(long threshold, BooleanSupplier cpuRunsIt) {
        this.threshold = threshold;
        this.cpuRunsIt = cpuRunsIt;
    }

    /** Counts {@code units} more; whether the SIMD kernel should do them. */
    public boolean now(long units) {
        if (done.addAndGet(units) <= threshold) {
            return false;
        }
        Boolean answer = runs;
        if (answer == null) {
            answer = cpuRunsIt.getAsBoolean();
            runs = answer;
        }
        return answer;
    }
}
