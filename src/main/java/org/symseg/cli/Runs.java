package org.symseg.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.symseg.config.ConfigException;
import org.symseg.config.SegmentConfig;
import org.symseg.dataset.Failure;
import org.symseg.dataset.InputExpander;
import org.symseg.dataset.InputSource;
import org.symseg.dataset.ModelStore;
import org.symseg.dataset.OutputNames;
import org.symseg.image.Storage;
import org.symseg.pipeline.InputResult;
import org.symseg.pipeline.RunProgress;
import org.symseg.pipeline.SegmentJob;
import org.symseg.pipeline.SparkContexts;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code segment}, {@code fit} and {@code apply} share: settings checked before Spark starts,
 * inputs expanded and named, the run, and a summary with one line per input.
 */
final class Runs {

    private Runs() {
    }

    static int run(CommandSpec spec, SegmentJob.Mode mode, InputOptions inputs,
            Supplier<SegmentConfig> settings, String outDir, String modelDir, ModelStore.Saved model,
            boolean force, boolean quiet) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (inputs.isEmpty()) {
            err.println("symseg: no inputs: give image files, directories, globs or --series DIR");
            return Main.USAGE;
        }
        SegmentConfig config;
        try {
            config = settings.get();
        } catch (ConfigException e) {
            err.println("symseg: " + e.getMessage());
            return Main.USAGE;
        }
        // executors resolve paths in their own working directory, so relative ones go absolute here
        InputExpander.Expansion expansion = InputExpander.expand(absolute(inputs.inputs),
                absolute(inputs.series));
        OutputNames.Assignment names = OutputNames.assign(expansion.sources());
        List<Failure> unusable = new ArrayList<>(expansion.failures());
        unusable.addAll(names.failures());
        List<InputSource> sources = names.sources();

        JavaSparkContext sc = SparkContexts.getOrCreate(config.master());
        SegmentJob.Report report = SegmentJob.run(sc, new SegmentJob.Request(mode, sources,
                unusable, outDir == null ? null : Storage.absolute(outDir),
                modelDir == null ? null : Storage.absolute(modelDir), model, config, force,
                progress(err, quiet)));
        int written = 0;
        int skipped = 0;
        for (InputResult result : report.results()) {
            switch (result.status()) {
                case WRITTEN -> {
                    written++;
                    out.println("ok       " + result.path() + " -> " + result.outputDir()
                            + "  pattern fractions " + meanFractions(result.fractions()));
                }
                case SKIPPED -> {
                    skipped++;
                    out.println("skipped  " + result.path() + ": " + result.reason());
                }
                default -> { }
            }
        }
        List<Failure> failures = report.failures();
        for (Failure failure : failures) {
            err.println("failed   " + failure);
        }
        String modelNote = report.model() == null ? "no model"
                : "model " + report.modelSource() + " (" + report.model().hash().substring(0, 12) + ")";
        if (mode == SegmentJob.Mode.FIT) {
            out.printf(Locale.ROOT, "%s, saved in %s; %d failed; %.1f s%n", modelNote, modelDir,
                    failures.size(), report.timingsMs().get("total") / 1000.0);
        } else {
            out.printf(Locale.ROOT, "%d written, %d skipped, %d failed; %s; %.1f s; manifest %s/manifest.json%n",
                    written, skipped, failures.size(), modelNote,
                    report.timingsMs().get("total") / 1000.0, outDir);
        }
        return failures.isEmpty() ? 0 : Main.INPUT_FAILED;
    }

    /** A redrawn line on a terminal; plain lines per stage when stderr goes to a file or pipe. */
    private static RunProgress progress(PrintWriter err, boolean quiet) {
        return quiet ? RunProgress.quiet() : RunProgress.to(err, System.console() != null);
    }

    private static List<String> absolute(List<String> paths) {
        return paths.stream().map(Storage::absolute).toList();
    }

    private static String meanFractions(double[][] fractions) {
        StringBuilder s = new StringBuilder();
        int patterns = fractions[0].length;
        for (int p = 0; p < patterns; p++) {
            double sum = 0;
            for (double[] frame : fractions) {
                sum += frame[p];
            }
            s.append(p == 0 ? "" : " ").append(String.format(Locale.ROOT, "%d:%.3f", p, sum / fractions.length));
        }
        return s.toString();
    }
}
