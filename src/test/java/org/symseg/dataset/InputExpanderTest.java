package org.symseg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputExpanderTest {

    private static Path touch(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "x");
    }

    private static List<String> paths(InputExpander.Expansion expansion) {
        return expansion.sources().stream().map(InputSource::path).toList();
    }

    @Test
    void directoriesGiveEveryImageBelowThemInNaturalOrder(@TempDir Path dir) throws IOException {
        touch(dir.resolve("b/img10.tif"));
        touch(dir.resolve("b/img9.TIFF"));
        touch(dir.resolve("a/deep/er/x.tif"));
        touch(dir.resolve("a/notes.txt"));
        InputExpander.Expansion expansion = InputExpander.expand(List.of(dir.toString()), List.of());
        assertEquals(List.of(dir + "/a/deep/er/x.tif", dir + "/b/img9.TIFF", dir + "/b/img10.tif"),
                paths(expansion));
        assertTrue(expansion.failures().isEmpty());
    }

    @Test
    void globsWithDoubleStarMatchAnyDepthIncludingNone(@TempDir Path dir) throws IOException {
        touch(dir.resolve("data/top.tif"));
        touch(dir.resolve("data/x/mid.tif"));
        touch(dir.resolve("data/x/y/low.tif"));
        touch(dir.resolve("data/x/y/low.png"));
        List<String> all = paths(InputExpander.expand(List.of(dir + "/data/**/*.tif"), List.of()));
        assertEquals(List.of(dir + "/data/top.tif", dir + "/data/x/mid.tif", dir + "/data/x/y/low.tif"), all);
        List<String> one = paths(InputExpander.expand(List.of(dir + "/data/x/*.tif"), List.of()));
        assertEquals(List.of(dir + "/data/x/mid.tif"), one);
    }

    @Test
    void aGlobOrSeriesThatFindsNothingIsAFailureNamingIt(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        InputExpander.Expansion expansion = InputExpander.expand(List.of(dir + "/*.tif"),
                List.of(dir.resolve("empty").toString(), dir.resolve("absent").toString()));
        assertEquals(List.of(), expansion.sources());
        assertEquals(List.of(new Failure(dir + "/*.tif", "no files match"),
                new Failure(dir.resolve("empty").toString(), "series directory holds no image files"),
                new Failure(dir.resolve("absent").toString(), "no such series directory")),
                expansion.failures());
    }

    @Test
    void aGlobAtAFilesystemRootListsTheRoot() {
        assertEquals("/", InputExpander.globBase(""));
        assertEquals("hdfs://nn:8020/", InputExpander.globBase("hdfs://nn:8020"));
        assertEquals("s3a://bucket/", InputExpander.globBase("s3a://bucket"));
        assertEquals("hdfs:///", InputExpander.globBase("hdfs://"));
        assertEquals("file:/", InputExpander.globBase("file:"));
        assertEquals("hdfs://nn:8020/data", InputExpander.globBase("hdfs://nn:8020/data"));
        assertEquals("/data", InputExpander.globBase("/data"));
    }

    @Test
    void aSeriesDirectoryIsOneInputWithFramesInNaturalOrder(@TempDir Path dir) throws IOException {
        for (int i : new int[] {10, 2, 1}) {
            touch(dir.resolve("run/frame_" + i + ".tif"));
        }
        touch(dir.resolve("run/sub/ignored.tif"));
        InputExpander.Expansion expansion = InputExpander.expand(List.of(),
                List.of(dir.resolve("run").toString()));
        assertEquals(1, expansion.sources().size());
        assertEquals(List.of(dir + "/run/frame_1.tif", dir + "/run/frame_2.tif", dir + "/run/frame_10.tif"),
                expansion.sources().get(0).files());
    }
}
