package org.symseg.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code symseg} command: {@code segment}, {@code fit}, {@code apply}, {@code evaluate},
 * {@code synth}.
 */
@Command(name = "symseg", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Unsupervised segmentation of atomic-resolution microscopy images "
                + "with symmetry descriptors, PCA and k-means, on Apache Spark.",
        subcommands = {SegmentCommand.class, FitCommand.class, ApplyCommand.class, EvaluateCommand.class,
            SynthCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a run in which some inputs failed. */
    public static final int INPUT_FAILED = 1;
    /** Exit code of a bad option or configuration value; nothing was run. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        org.symseg.pipeline.SparkContexts.stopIfRunning();
        System.exit(code);
    }

    /** Runs a command line; Spark contexts it starts stay up (tests share one). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        // inputs are listed and models read before Spark starts
        org.symseg.pipeline.HadoopSettings.fromSystemProperties();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        // a command line picocli cannot parse (unknown option, missing --out, a value of the wrong
        // type) gets one line, as a bad value does, rather than the whole usage page
        cli.setParameterExceptionHandler((e, given) -> {
            CommandLine where = e.getCommandLine();
            where.getErr().println("symseg: " + e.getMessage() + " (" + where.getCommandSpec().qualifiedName()
                    + " --help lists the options)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("symseg: " + e);
            e.printStackTrace(line.getErr());
            return 3;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"symseg " + org.symseg.pipeline.Versions.symseg()};
        }
    }
}
