package org.symseg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library example in README.md, taken from the README itself, compiled and run against
 * symseg's own classes alone: no Spark, Scala, Hadoop or any other jar on its class path.
 */
class ReadmeExampleTest {

    static final String MARKER = "<!-- library example: compiled and run by ReadmeExampleTest -->";

    static String example() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf(MARKER);
        assertTrue(at >= 0, "README.md lost the marker " + MARKER);
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(at), "no java code block after the marker");
        return block.group(1);
    }

    @Test
    void readmeExampleCompilesAndRunsWithoutSpark(@TempDir Path dir) throws Exception {
        String code = example();
        Matcher name = Pattern.compile("public class (\\w+)").matcher(code);
        assertTrue(name.find(), "the example is not a public class");
        Path source = dir.resolve(name.group(1) + ".java");
        Files.writeString(source, code);
        Path classes = Path.of("target/classes").toAbsolutePath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, "-classpath", classes.toString(),
                "-d", dir.toString(), source.toString());
        assertEquals(0, compiled, diagnostics.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        // the platform loader as parent: nothing from this test's class path leaks in
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL(),
                classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass(name.group(1)).getMethod("main", String[].class)
                    .invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        String output = printed.toString(StandardCharsets.UTF_8).strip();
        Matcher share = Pattern.compile("pattern 0 covers (\\d+\\.\\d)% of the image").matcher(output);
        assertTrue(share.matches(), output);
        double percent = Double.parseDouble(share.group(1));
        assertTrue(percent > 45 && percent < 55, "two domains of about equal size: " + output);
    }
}
