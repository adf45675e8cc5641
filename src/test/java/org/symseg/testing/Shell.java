package org.symseg.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs one of the project's scripts as a child process and keeps what it printed. */
public record Shell(int exitCode, String out, String err) {

    /**
     * Runs {@code command} from the project root with {@code env} added to this JVM's
     * environment (a null value removes a variable). Output goes through files, so a chatty
     * child never blocks on a full pipe; one that outlives {@code timeout} is killed with
     * everything it started.
     */
    public static Shell run(Map<String, String> env, Duration timeout, Path logDir, String... command)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        String name = Path.of(command[0]).getFileName() + "-" + System.nanoTime();
        File out = logDir.resolve(name + ".out").toFile();
        File err = logDir.resolve(name + ".err").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeout
                    + "; it printed:\n" + Files.readString(out.toPath()) + Files.readString(err.toPath()));
        }
        return new Shell(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    /** PATH without the directories holding {@code program}, so a script cannot find it there. */
    public static String pathWithout(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty() && !Files.isExecutable(Path.of(dir, program)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Everything printed, for assertion messages. */
    public String output() {
        return out + err;
    }

    public List<String> outLines() {
        return out.lines().toList();
    }
}
