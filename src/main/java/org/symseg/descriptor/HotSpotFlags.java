package org.symseg.descriptor;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The HotSpot options that say which instructions the JIT compiler may use, as HotSpot set them
 * from the CPU's features (or the command line overrode them): whether a vector operation is
 * compiled to an instruction or runs as the vector API's Java code, thousands of times slower,
 * is not something the API itself tells.
 */
final class HotSpotFlags {

    private HotSpotFlags() {
    }

    /** {@code UseFMA}: Math.fma and vector fma as one instruction; true where the JVM does not say. */
    static boolean fusedMultiplyAdd() {
        return !"false".equals(value("UseFMA", "true"));
    }

    /**
     * Whether the CPU gathers a vector's lanes from an index map in one instruction: x86 from
     * AVX2 on ({@code UseAVX} 2 or more). Taken as no wherever the JVM does not say (another
     * architecture, another JVM), where a lane-by-lane copy is the safe choice.
     */
    static boolean vectorGather() {
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
}
