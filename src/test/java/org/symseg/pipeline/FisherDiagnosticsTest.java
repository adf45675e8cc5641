package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.dataset.Json;
import org.symseg.testing.Cli;
import org.symseg.testing.Labels;

/** The Fisher diagnostics (paper, Fig. 5) and --select-best, through the command line. */
class FisherDiagnosticsTest {

    /** Rows of fisher.csv as kind, name, variance, separability, selected. */
    static List<String[]> rows(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("diagnostics").resolve("fisher.csv"));
        assertEquals("kind,index,name,variance,separability,selected", lines.get(0));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")).toList();
    }

    @Test
    void diagnosticsListEveryChannelAndFeatureAndSelectBestRefitsOnTheBest(@TempDir Path out)
            throws IOException {
        Cli run = Cli.run("segment", "test-data/two-phase.tif", "--out", out.toString(),
                "--descriptor", "translation,reflection", "--radius", "8", "--pool", "13",
                "--mirrors", "6", "--shifts", "30", "--pca", "3", "--select-best", "8");
        assertEquals(0, run.exitCode(), run.err());
        List<String[]> rows = rows(out);
        assertEquals(30 + 6 + 3, rows.size());
        assertEquals(30 + 6, rows.stream().filter(r -> r[0].equals("channel")).count());
        List<String[]> selected = rows.stream().filter(r -> r[5].equals("true")).toList();
        assertEquals(8, selected.size());
        double worstKept = selected.stream().mapToDouble(r -> Double.parseDouble(r[4])).min().orElseThrow();
        double bestDropped = rows.stream().filter(r -> r[0].equals("channel") && r[5].equals("false"))
                .mapToDouble(r -> Double.parseDouble(r[4])).max().orElseThrow();
        assertTrue(worstKept >= bestDropped, worstKept + " kept below " + bestDropped);
        assertTrue(Files.size(out.resolve("diagnostics").resolve("fisher.png")) > 1000);

        Map<?, ?> manifest;
        manifest = Json.read(out.resolve("manifest.json").toString(), Map.class);
        Map<?, ?> diagnostics = (Map<?, ?>) manifest.get("diagnostics");
        assertEquals("diagnostics/fisher.csv", diagnostics.get("fisherCsv"));
        assertEquals("diagnostics/fisher.png", diagnostics.get("fisherPlot"));
        assertEquals(8, ((List<?>) diagnostics.get("selectedChannels")).size());
        assertEquals(8, ((Map<?, ?>) manifest.get("model")).get("descriptorLength"));

        double accuracy = Labels.matchedAccuracy(Labels.read(out.resolve("two-phase").resolve("labels.tif")),
                Labels.read(Path.of("test-data", "truth", "two-phase.tif")), 2);
        System.out.printf("two-phase on the 8 best of 36 channels: matched accuracy %.4f%n", accuracy);
        assertTrue(accuracy >= 0.95, "accuracy on the best channels " + accuracy);
    }
}
