package org.symseg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputNamesTest {

    private static List<String> names(String... paths) {
        return OutputNames.assign(List.of(paths).stream().map(InputSource::file).toList())
                .sources().stream().map(InputSource::name).toList();
    }

    @Test
    void oneInputKeepsItsName() {
        assertEquals(List.of("x"), names("/data/a/b/x.tif"));
        assertEquals(List.of("frame.0001"), names("frame.0001.tif"));
    }

    @Test
    void sameFileNamesInDifferentFoldersMirrorTheirFolders() {
        assertEquals(List.of("day1/x", "day2/x", "day2/deep/y"),
                names("/data/day1/x.tif", "/data/day2/x.tif", "/data/day2/deep/y.tif"));
    }

    @Test
    void namesNeverClimbOutOfTheOutputDirectory() {
        assertEquals(List.of("a/x", "b/x"), names("/data/q/../a/x.tif", "/data/b/./x.tif"));
    }

    @Test
    void collisionsAndReservedNamesAreRefusedNotOverwritten() {
        OutputNames.Assignment assignment = OutputNames.assign(List.of(
                InputSource.file("/d/x.tif"), InputSource.file("/d/x.tiff"),
                InputSource.file("/d/model.tif"), InputSource.file("/d/a.tif"),
                new InputSource(null, "/d/a", List.of("/d/a/1.tif"))));
        assertEquals(List.of("x", "a"), assignment.sources().stream().map(InputSource::name).toList());
        assertEquals(List.of("/d/x.tiff", "/d/model.tif", "/d/a"),
                assignment.failures().stream().map(Failure::path).toList());
    }
}
