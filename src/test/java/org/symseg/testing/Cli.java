package org.symseg.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.symseg.cli.Main;

/** Runs a symseg command line in this JVM (sharing its Spark context) and keeps what it printed. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        SharedSpark.context();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }
}
