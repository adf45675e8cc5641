package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.image.ImageHeader;
import org.symseg.image.Rect;
import org.symseg.image.TiffFrameReader;
import org.symseg.testing.Cli;
import org.symseg.testing.MiniHdfs;
import org.symseg.testing.TestImages;

/**
 * A run whose inputs and outputs are all on a real HDFS — a file, a glob and a series directory
 * of single-frame files — writes what the same run on local files writes, and a second run
 * skips everything and leaves the same files.
 */
@ExtendWith(MiniHdfs.Shared.class)
class HdfsSegmentTest {

    /** Output names of the three inputs, mirrored from their paths under data/. */
    private static final List<String> OUTPUTS = List.of("single/two-phase", "glob/two-phase-series", "frames");

    @Test
    void segmentsFromAndIntoHdfsAsLocally(MiniHdfs hdfs, @TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        copy(Path.of("test-data/two-phase.tif"), data.resolve("single/two-phase.tif"));
        copy(Path.of("test-data/two-phase-series.tif"), data.resolve("glob/two-phase-series.tif"));
        // the series' pages as files named so that only natural order keeps them in order
        splitFrames(Path.of("test-data/two-phase-series.tif"), data.resolve("frames"),
                List.of("frame_8.tif", "frame_9.tif", "frame_10.tif"));
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hdfs.upload(file, "/data/" + data.relativize(file));
            }
        }

        String[] onHdfs = {"segment", hdfs.uri("/data/single/two-phase.tif"), hdfs.uri("/data/glob/*.tif"),
            "--series", hdfs.uri("/data/frames"), "--out", hdfs.uri("/out")};
        Cli hdfsRun = Cli.run(onHdfs);
        assertEquals(0, hdfsRun.exitCode(), hdfsRun.out() + hdfsRun.err());
        assertTrue(hdfsRun.out().contains("3 written, 0 skipped, 0 failed"), hdfsRun.out());

        Path local = dir.resolve("local");
        Cli localRun = Cli.run("segment", data.resolve("single/two-phase.tif").toString(),
                data.resolve("glob") + "/*.tif", "--series", data.resolve("frames").toString(),
                "--out", local.toString());
        assertEquals(0, localRun.exitCode(), localRun.out() + localRun.err());

        for (String name : OUTPUTS) {
            for (String file : List.of("labels.tif", "overlay.png")) {
                assertArrayEquals(Files.readAllBytes(local.resolve(name).resolve(file)),
                        hdfs.read("/out/" + name + "/" + file), name + "/" + file + " differs from the local run's");
            }
            assertTrue(hdfs.exists("/out/" + name + "/result.json"), name + "/result.json");
        }
        assertArrayEquals(hdfs.read("/out/glob/two-phase-series/labels.tif"), hdfs.read("/out/frames/labels.tif"),
                "a series directory must be read in natural order, like the pages of the same series");
        for (String file : List.of("manifest.json", "failures.json", "model/model.json", "stats/fractions.csv",
                "glob/two-phase-series/fractions.png", "frames/fractions.png")) {
            assertTrue(hdfs.exists("/out/" + file), file + " missing on HDFS");
        }
        assertTrue(hdfs.exists("/out/stats/fractions.parquet") && !hdfs.isDirectory("/out/stats/fractions.parquet"),
                "stats/fractions.parquet is one file");
        List<String> written = outputFiles(hdfs);
        assertTrue(written.stream().noneMatch(f -> f.startsWith(".") || f.contains("/.")),
                "temporary files left: " + written);

        Cli again = Cli.run(onHdfs);
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains("0 written, 3 skipped, 0 failed"), again.out());
        assertEquals(written, outputFiles(hdfs), "a rerun replaces the run files in place, nothing nested or left over");
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void splitFrames(Path series, Path dir, List<String> names) throws Exception {
        TiffFrameReader reader = new TiffFrameReader();
        ImageHeader header = reader.header(series.toString());
        assertEquals(names.size(), header.frames());
        for (int f = 0; f < names.size(); f++) {
            float[] pixels = reader.read(series.toString(), f, new Rect(0, 0, header.width(), header.height()));
            TestImages.write(dir.resolve(names.get(f)), header.type(), header.width(), header.height(),
                    List.of(pixels));
        }
    }

    /** The files under /out, with Parquet's part files (named anew by each write) as their directory. */
    private static List<String> outputFiles(MiniHdfs hdfs) throws Exception {
        return hdfs.files("/out").stream()
                .map(f -> f.startsWith("stats/fractions.parquet/") ? "stats/fractions.parquet" : f)
                .distinct().toList();
    }
}
