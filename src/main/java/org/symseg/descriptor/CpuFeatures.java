package org.symseg.descriptor;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * What this JVM runs fast on this CPU, for the choice between SIMD and scalar kernels: whether a
 * vector operation is compiled to an instruction or runs as the vector API's Java code, tens to
 * thousands of times slower, is not something the API itself tells, so it is read from the
 * HotSpot options that say which instructions the JIT compiler may use (set from the CPU's
 * features, or overridden on the command line).
 */
public final class CpuFeatures {

    private CpuFeatures() {
    }

    /**
     * Whether the incubating vector module is loaded and its preferred double vector has two lanes
     * or more: with one lane (as with {@code -XX:MaxVectorSize=8}) HotSpot compiles none of its
     * operations, and the translation kernel ran 30 times, the rotation kernel 145 times slower
     * than scalar (BENCHMARKS.md, issue 7).
     */
    public static boolean vectors() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && Lanes.PREFERRED >= 2;
    }

    /** {@code UseFMA}: Math.fma and vector fma as one instruction; true where the JVM does not say. */
    public static boolean fusedMultiplyAdd() {
        return !"false".equals(value("UseFMA", "true"));
    }

    /**
     * Whether the CPU gathers a vector's lanes from an index map in one instruction: x86 from
     * AVX2 on ({@code UseAVX} 2 or more). Taken as no wherever the JVM does not say (another
     * architecture, another JVM), where a lane-by-lane copy is the safe choice.
     */
    public static boolean vectorGather() {
        try {
            return Integer.parseInt(value("UseAVX", "0")) >= 2;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The option's value, or {@code otherwise} if this JVM has no such option or does not say. */
    private static String value(String option, String otherwise) {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm == null ? otherwise : vm.getVMOption(option).getValue();
        } catch (RuntimeException | LinkageError notThere) {
            return otherwise;
        }
    }

    /** Loaded only once the vector module is known to be there. */
    private static final class Lanes {
        static final int PREFERRED = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
    }
}
