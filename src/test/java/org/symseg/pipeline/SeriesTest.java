package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.synth.Preset;
import org.symseg.testing.Cli;
import org.symseg.testing.Labels;
import org.symseg.testing.TestImages;

/** A directory of frames is one input; its frames keep their order and their label meanings. */
class SeriesTest {

    @Test
    void aFrameDirectoryIsOneSeriesInNaturalOrder(@TempDir Path dir) throws IOException {
        Preset preset = Preset.TWO_PHASE_SERIES;
        Preset.Sample sample = preset.generate(3);
        Path frames = dir.resolve("frames");
        // written as frame_1, frame_2, frame_10: plain string order would put frame_10 second
        int[] numbers = {1, 2, 10};
        for (int f = 0; f < 3; f++) {
            TestImages.write(frames.resolve("frame_" + numbers[f] + ".tif"), preset.type(),
                    preset.width(), preset.height(), List.of(sample.frames().get(f)));
        }
        Path out = dir.resolve("out");
        Cli run = Cli.run("segment", "--series", frames.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());

        List<int[]> labels = Labels.read(out.resolve("frames").resolve("labels.tif"));
        assertEquals(3, labels.size());
        double previousSquare = -1;
        Integer squareLabel = null;
        for (int f = 0; f < 3; f++) {
            int[] truth = new int[sample.truth().get(f).length];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = sample.truth().get(f)[i];
            }
            double accuracy = Labels.matchedAccuracy(List.of(labels.get(f)), List.of(truth), 2);
            assertTrue(accuracy >= 0.95, "frame " + f + " accuracy " + accuracy);
            // the square lattice (truth 0) has one label in every frame, and grows frame by frame
            int label = labels.get(f)[0];
            squareLabel = squareLabel == null ? label : squareLabel;
            assertEquals(squareLabel, label, "frame " + f);
            int count = 0;
            for (int l : labels.get(f)) {
                count += l == squareLabel ? 1 : 0;
            }
            double square = count / (double) truth.length;
            assertTrue(square > previousSquare + 0.1, "square fraction " + square + " after " + previousSquare);
            previousSquare = square;
        }
        assertTrue(Files.size(out.resolve("frames").resolve("fractions.png")) > 0);
        List<String> stats = Files.readAllLines(out.resolve("stats/fractions.csv"));
        assertEquals(List.of("input,frame,pattern_0,pattern_1"), stats.subList(0, 1));
        assertEquals(4, stats.size());
        List<String> parquet = new ArrayList<>();
        org.apache.hadoop.fs.Path table = new org.apache.hadoop.fs.Path(out.resolve("stats/fractions.parquet").toUri());
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), table).build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                parquet.add(row.getString("input", 0) + "," + row.getInteger("frame", 0) + ","
                        + String.format(java.util.Locale.ROOT, "%.6f,%.6f", row.getDouble("pattern_0", 0),
                        row.getDouble("pattern_1", 0)));
            }
        }
        assertEquals(stats.subList(1, 4), parquet, "the Parquet table holds the CSV's rows");
        // one encoding per column chunk: with two, their order in the footer varies between JVMs
        try (ParquetFileReader footer = ParquetFileReader.open(
                HadoopInputFile.fromPath(table, new org.apache.hadoop.conf.Configuration()))) {
            for (BlockMetaData block : footer.getFooter().getBlocks()) {
                for (ColumnChunkMetaData column : block.getColumns()) {
                    assertEquals(1, column.getEncodings().size(), column.getPath() + ": " + column.getEncodings());
                }
            }
        }
        try (java.util.stream.Stream<Path> files = Files.list(out.resolve("stats"))) {
            assertEquals(List.of("fractions.csv", "fractions.parquet"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no .crc side files");
        }
    }

    @Test
    void sameFileNamesInDifferentFoldersDoNotCollide(@TempDir Path dir) throws IOException {
        TestImages.preset(dir.resolve("in/day1/scan.tif"), Preset.TWO_PHASE, 1);
        TestImages.preset(dir.resolve("in/day2/scan.tif"), Preset.TWO_PHASE, 2);
        Path out = dir.resolve("out");
        Cli run = Cli.run("segment", dir.resolve("in") + "/**/*.tif", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(Files.exists(out.resolve("day1/scan/labels.tif")));
        assertTrue(Files.exists(out.resolve("day2/scan/labels.tif")));
        assertTrue(Files.mismatch(out.resolve("day1/scan/labels.tif"), out.resolve("day2/scan/labels.tif")) >= 0,
                "different noise, different label maps");
    }
}
