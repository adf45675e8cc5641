package org.symseg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Compares the output directories of two runs of the same inputs and settings. */
public final class OutputTrees {

    /** Files that describe their run (times, what was skipped or written), not its results. */
    private static final Set<String> RUN_RECORDS = Set.of("manifest.json", "report.html");

    private OutputTrees() {
    }

    /** Every file under {@code root}, relative, sorted. */
    public static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** The same files in both, and every one but the run's own records the same bytes. */
    public static void assertSameResults(Path expected, Path actual, String how) throws IOException {
        List<Path> files = files(expected);
        assertEquals(files, files(actual), "the same files, and no leftovers, " + how);
        for (Path file : files) {
            if (!RUN_RECORDS.contains(file.toString())) {
                assertEquals(-1L, Files.mismatch(expected.resolve(file), actual.resolve(file)),
                        file + " differs " + how);
            }
        }
    }
}
