package org.symseg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.symseg.testing.MiniHdfs;

/** Directories, globs and series on a real HDFS expand as local ones do, into hdfs:// paths. */
@ExtendWith(MiniHdfs.Shared.class)
class InputExpanderHdfsTest {

    private static MiniHdfs hdfs;

    @BeforeAll
    static void useHdfs(MiniHdfs shared) throws Exception {
        hdfs = shared;
        for (String file : List.of("/expand/top.tif", "/expand/x/mid.tif", "/expand/x/y/low.tif",
                "/expand/x/y/low.png", "/expand/run/frame_10.tif", "/expand/run/frame_2.tif")) {
            hdfs.write(file, "x");
        }
        hdfs.write("/root-level.tif", "x");
    }

    private static List<String> paths(List<String> arguments) {
        return InputExpander.expand(arguments, List.of()).sources().stream().map(InputSource::path).toList();
    }

    @Test
    void globsMatchAtAnyDepth() {
        assertEquals(List.of(hdfs.uri("/expand/run/frame_2.tif"), hdfs.uri("/expand/run/frame_10.tif"),
                hdfs.uri("/expand/top.tif"), hdfs.uri("/expand/x/mid.tif"), hdfs.uri("/expand/x/y/low.tif")),
                paths(List.of(hdfs.uri("/expand/**/*.tif"))));
        assertEquals(List.of(hdfs.uri("/expand/x/mid.tif")), paths(List.of(hdfs.uri("/expand/x/*.tif"))));
    }

    @Test
    void aGlobAtTheRootOfTheFilesystem() {
        assertEquals(List.of(hdfs.uri("/root-level.tif")), paths(List.of(hdfs.uri("/*.tif"))));
    }

    @Test
    void directoriesGiveEveryImageBelowThem() {
        assertEquals(List.of(hdfs.uri("/expand/x/mid.tif"), hdfs.uri("/expand/x/y/low.tif")),
                paths(List.of(hdfs.uri("/expand/x"))));
    }

    @Test
    void aSeriesDirectoryKeepsNaturalOrder() {
        InputExpander.Expansion expansion = InputExpander.expand(List.of(), List.of(hdfs.uri("/expand/run")));
        assertEquals(List.of(), expansion.failures());
        assertEquals(List.of(hdfs.uri("/expand/run/frame_2.tif"), hdfs.uri("/expand/run/frame_10.tif")),
                expansion.sources().get(0).files());
    }

    @Test
    void missingPlacesAreFailuresNamingThem() {
        InputExpander.Expansion expansion = InputExpander.expand(List.of(hdfs.uri("/none/*.tif")),
                List.of(hdfs.uri("/none")));
        assertEquals(List.of(new Failure(hdfs.uri("/none/*.tif"), "no files match"),
                new Failure(hdfs.uri("/none"), "no such series directory")), expansion.failures());
    }
}
