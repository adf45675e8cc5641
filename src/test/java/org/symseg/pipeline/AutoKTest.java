package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symseg.testing.Cli;
import org.symseg.testing.Labels;

/** {@code --k auto} finds the number of domains of the committed test images. */
class AutoKTest {

    @ParameterizedTest
    @CsvSource({"two-phase, 2", "three-grains, 3"})
    void picksTheTrueNumberOfDomains(String name, int domains, @TempDir Path out) throws IOException {
        Cli run = Cli.run("segment", "test-data/" + name + ".tif", "--out", out.toString(),
                "--k", "auto", "--quiet");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        System.out.println(name + ": " + manifest.get("kSelection"));
        assertEquals(domains, manifest.at("/kSelection/chosen").asInt());
        assertEquals(5, manifest.at("/kSelection/scores").size(), "k from 2 to 6 scored");
        assertEquals("auto", manifest.at("/configuration/k").asText());
        assertEquals(domains, manifest.at("/model/patterns").asInt());
        int max = Labels.read(out.resolve(name).resolve("labels.tif")).stream()
                .flatMapToInt(java.util.Arrays::stream).max().orElseThrow();
        assertEquals(domains - 1, max);
    }

    @Test
    void aRunThatReusesTheModelStillSaysHowKWasChosen(@TempDir Path out) throws IOException {
        String[] args = {"segment", "test-data/two-phase.tif", "--out", out.toString(), "--k", "auto", "--quiet"};
        assertEquals(0, Cli.run(args).exitCode());
        JsonNode first = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        Cli again = Cli.run(args);
        assertEquals(0, again.exitCode(), again.err());
        JsonNode second = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("reused", second.at("/model/source").asText());
        assertEquals(first.get("kSelection"), second.get("kSelection"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("Number of patterns"));

        Cli fixed = Cli.run("segment", "test-data/two-phase.tif", "--out", out.toString(), "--k", "2", "--quiet");
        assertEquals(0, fixed.exitCode(), fixed.err());
        JsonNode third = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("fitted", third.at("/model/source").asText());
        assertTrue(third.path("kSelection").isMissingNode(), third.toString());
        assertFalse(Files.exists(out.resolve("model/k-selection.json")), "the earlier fit's choice is gone");
    }
}
