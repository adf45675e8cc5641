package org.symseg.descriptor;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

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

    /**
     * Whether vector multiplies of 64-bit integers and their conversion to double compile to one
     * instruction each: x86 with AVX-512DQ, which the JIT compiler may use ({@code UseAVX} 3).
     * Without it, JDK 17 runs those two operations as the vector API's Java code. HotSpot has no
     * option that names the extension, so the CPU's flags are read where Linux lists them; taken
     * as no anywhere else.
     */
    public static boolean longVectors() {
        return LongLanes.ON;
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

    /** Looked up once, and only by the kernels that ask. */
    private static final class LongLanes {
        static final boolean ON = vectors() && avx512() && cpuFlag("avx512dq");

        private static boolean avx512() {
            try {
                return Integer.parseInt(value("UseAVX", "0")) >= 3;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static boolean cpuFlag(String flag) {
            try {
                Pattern word = Pattern.compile("\\b" + flag + "\\b");
                return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(line -> line.startsWith("flags"))
                        .findFirst().map(line -> word.matcher(line).find()).orElse(false);
            } catch (IOException | RuntimeException notLinux) {
                return false;
            }
        }
    }

    /** Loaded only once the vector module is known to be there. */
    private static final class Lanes {
        static final int PREFERRED = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
    }
}
