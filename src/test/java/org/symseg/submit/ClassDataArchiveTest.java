package org.symseg.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.testing.Shell;

/**
 * What submit/symseg does with its class-data archive, and with the incubating vector module,
 * run against a copy of the launcher in a scratch project whose {@code java} is a stand-in: it
 * lists the modules it is told to have, logs each command line and writes the archive a real JVM
 * would. So no JVM starts and no jar needs building.
 */
class ClassDataArchiveTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private Path project;
    private Path log;
    private Map<String, String> env;

    @BeforeEach
    void scratchProject() throws Exception {
        project = dir.resolve("project");
        for (String file : List.of("submit/symseg", "submit/lib/class-data.sh", "conf/java17-spark.args",
                "conf/log4j2.properties")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.copy(Path.of(file), project.resolve(file));
        }
        Files.createDirectories(project.resolve("target/lib"));
        Files.writeString(project.resolve("target/lib/dependency.jar"), "jar");
        Files.writeString(project.resolve("target/symseg.jar"), "jar");
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.createDirectories(jdk.resolve("lib/server"));
        Files.writeString(jdk.resolve("lib/modules"), "modules");
        Files.writeString(jdk.resolve("lib/server/libjvm.so"), "jvm");
        log = dir.resolve("java.log");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                if [[ $1 == --list-modules ]]; then
                  printf '%b\\n' "${FAKE_MODULES:-java.base@17\\njdk.incubator.vector@17}"
                  exit 0
                fi
                echo "$*" >> "$FAKE_JAVA_LOG"
                for arg in "$@"; do
                  case $arg in
                    -XX:ArchiveClassesAtExit=*) echo archive > "${arg#*=}" ;;
                    -version) exit "${FAKE_CHECK:-0}" ;;
                  esac
                done
                exit "${FAKE_EXIT:-0}"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        env = new HashMap<>(Map.of("PATH", jdk.resolve("bin") + ":" + System.getenv("PATH"),
                "FAKE_JAVA_LOG", log.toString()));
        env.put("SYMSEG_CDS", null);
        env.put("SYMSEG_JAVA_OPTS", null);
    }

    @Test
    void theFirstSegmentRecordsTheArchiveAndLaterRunsMapIt() throws Exception {
        Shell first = symseg(Map.of(), "segment", "in.tif", "--out", "out");
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.err().contains("recorded class data"), first.err());
        List<Path> archives = archives();
        assertEquals(1, archives.size(), archives.toString());
        List<String> calls = calls();
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).contains("-XX:ArchiveClassesAtExit=" + archives.get(0) + ".partial-"), calls.get(0));
        assertTrue(calls.get(0).endsWith("org.symseg.cli.Main segment in.tif --out out"), calls.get(0));
        assertTrue(calls.get(1).contains("-Xshare:on"), "the new archive is checked: " + calls.get(1));
        assertTrue(calls.get(1).endsWith("-version"), calls.get(1));

        Shell second = symseg(Map.of(), "segment", "in.tif", "--out", "out");
        assertEquals(0, second.exitCode(), second.output());
        String call = calls().get(2);
        assertTrue(call.contains("-XX:SharedArchiveFile=" + archives.get(0)), call);
        assertTrue(call.contains("-Xlog:cds=off"), "a refused archive must not print on stdout: " + call);
        assertFalse(call.contains("ArchiveClassesAtExit"), call);
        assertEquals(3, calls().size());
    }

    @Test
    void otherCommandsAndSymsegCdsOffNeitherRecordNorMap() throws Exception {
        symseg(Map.of(), "synth", "--out", "x");
        symseg(Map.of("SYMSEG_CDS", "off"), "segment", "in.tif", "--out", "out");
        // a help page or the version loads few of a real run's classes
        symseg(Map.of(), "segment", "--help");
        symseg(Map.of(), "apply", "-V");
        assertEquals(List.of(), archives());
        for (String call : calls()) {
            assertFalse(call.contains("Archive"), call);
        }
        assertEquals(4, calls().size());
    }

    @Test
    void aRebuildRecordsAgainAndDropsTheOlderArchive() throws Exception {
        symseg(Map.of(), "segment", "in.tif", "--out", "out");
        Path old = archives().get(0);
        // the archive was recorded, then the jar rebuilt
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(100)));
        Files.setLastModifiedTime(project.resolve("target/symseg.jar"), FileTime.from(Instant.now().minusSeconds(50)));
        symseg(Map.of(), "fit", "in.tif", "--model", "m");
        List<Path> archives = archives();
        assertEquals(1, archives.size(), archives.toString());
        assertFalse(archives.contains(old), "the archive of the earlier build is gone");
    }

    @Test
    void aRunThatFailsKeepsNoArchiveAndAnArchiveThatFailsItsCheckIsNotRecordedAgain() throws Exception {
        Shell failed = symseg(Map.of("FAKE_EXIT", "1"), "segment", "in.tif", "--out", "out");
        assertEquals(1, failed.exitCode(), "the run's exit code passes through");
        assertFalse(failed.err().contains("class data"), "a failed run records nothing: " + failed.err());
        assertEquals(List.of(), archives());
        assertEquals(List.of(), leftovers());

        symseg(Map.of("FAKE_CHECK", "1"), "segment", "in.tif", "--out", "out");
        assertEquals(List.of(), archives());
        assertEquals(List.of(), leftovers());
        int before = calls().size();
        Shell plain = symseg(Map.of(), "segment", "in.tif", "--out", "out");
        assertEquals(0, plain.exitCode(), plain.output());
        assertEquals(before + 1, calls().size());
        assertFalse(calls().get(before).contains("Archive"), calls().get(before));
    }

    @Test
    void theVectorModuleIsLoadedOnlyWhereTheRuntimeHasIt() throws Exception {
        symseg(Map.of("SYMSEG_CDS", "off"), "segment", "in.tif", "--out", "out");
        symseg(Map.of("SYMSEG_CDS", "off", "FAKE_MODULES", "java.base@17\\njava.sql@17"), "segment", "in.tif",
                "--out", "out");
        List<String> calls = calls();
        assertEquals(2, calls.size(), calls.toString());
        String vector = "--add-modules=jdk.incubator.vector";
        assertTrue(calls.get(0).contains(vector), calls.get(0));
        assertFalse(calls.get(1).contains(vector), "a runtime without the module refuses the option: " + calls.get(1));
        for (String call : calls) {
            assertTrue(call.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), "Spark's options stay: " + call);
            assertTrue(call.endsWith("org.symseg.cli.Main segment in.tif --out out"), call);
        }
    }

    private Shell symseg(Map<String, String> extra, String... args) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extra);
        String[] command = new String[args.length + 1];
        command[0] = project.resolve("submit/symseg").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return Shell.run(all, TIMEOUT, dir.resolve("logs"), command);
    }

    private List<String> calls() throws Exception {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private List<Path> archives() throws Exception {
        try (Stream<Path> files = Files.list(project.resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("symseg-\\d+\\.jsa")).toList();
        }
    }

    /** Half-written archives, or markers left by a run that did not complete. */
    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(project.resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().contains(".partial-")).toList();
        }
    }
}
