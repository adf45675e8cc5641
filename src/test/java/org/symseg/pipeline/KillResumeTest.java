package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.cli.Main;
import org.symseg.synth.Preset;
import org.symseg.testing.Cli;
import org.symseg.testing.OutputTrees;
import org.symseg.testing.TestImages;

/**
 * A run killed with SIGKILL while writing, then started again, ends with the same outputs as a
 * run never interrupted, and redoes nothing that was finished.
 */
class KillResumeTest {

    private static final int INPUTS = 8;

    @Test
    void killedRunResumedEqualsCleanRun(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        for (int i = 0; i < INPUTS; i++) {
            TestImages.preset(data.resolve("scan" + i + ".tif"), Preset.TWO_PHASE, 100 + i);
        }
        Path killed = dir.resolve("killed");
        Process process = new ProcessBuilder(javaCommand("segment", data.toString(), "--out",
                killed.toString(), "--master", "local[2]"))
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (finished(killed).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
        List<String> doneAtKill = finished(killed);
        assertTrue(!doneAtKill.isEmpty(), "the run was killed before writing anything: "
                + Files.readString(dir.resolve("stderr")));
        System.out.printf("killed with %d of %d inputs finished%n", doneAtKill.size(), INPUTS);

        Cli resumed = Cli.run("segment", data.toString(), "--out", killed.toString());
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        long skipped = resumed.out().lines().filter(l -> l.startsWith("skipped")).count();
        assertEquals(doneAtKill.size(), skipped, "inputs finished before the kill must not be redone:\n"
                + resumed.out());

        Path clean = dir.resolve("clean");
        Cli uninterrupted = Cli.run("segment", data.toString(), "--out", clean.toString());
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());
        OutputTrees.assertSameResults(clean, killed, "between the resumed run and a clean one");
    }

    private static List<String> finished(Path out) throws IOException {
        List<String> done = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            if (Files.exists(out.resolve("scan" + i).resolve("result.json"))) {
                done.add("scan" + i);
            }
        }
        return done;
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "@" + new File("conf/java17-spark.args").getAbsolutePath(),
                "-Dlog4j2.configurationFile=" + new File("conf/log4j2.properties").getAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
