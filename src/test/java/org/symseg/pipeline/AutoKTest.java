package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
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
}
