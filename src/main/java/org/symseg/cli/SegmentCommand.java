package org.symseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.symseg.config.ConfigException;
import org.symseg.config.ConfigLoader;
import org.symseg.config.SegmentConfig;
import org.symseg.pipeline.Failure;
import org.symseg.pipeline.InputResult;
import org.symseg.pipeline.SegmentJob;
import org.symseg.pipeline.SparkContexts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code symseg segment}: fit one model over all inputs and write their label maps. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Segments images into crystal patterns: descriptors at stride points, "
                + "PCA and k-means over all inputs together (one model, so a label means the "
                + "same pattern in every frame and file), then labels upsampled to full size.",
            "Writes OUT/NAME/labels.tif, OUT/NAME/overlay.png per input, OUT/diagnostics/fisher.csv "
                + "and fisher.png (Fisher separability of each channel and PCA feature) and "
                + "OUT/manifest.json.",
            "Defaults come from conf/symseg.properties."})
final class SegmentCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Greyscale TIFF images "
            + "(a multi-page TIFF is a frame series); local paths or Hadoop URIs.")
    List<String> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    String out;

    @Option(names = "--k", paramLabel = "N", description = "Number of patterns (default 2).")
    Integer k;

    @Option(names = "--descriptor", paramLabel = "KINDS", description = "Descriptor kinds, one or "
            + "several comma-separated: translation, rotation, reflection (default translation).")
    String descriptor;

    @Option(names = "--stride", paramLabel = "S", description = "Pixels between stride points (default 5).")
    Integer stride;

    @Option(names = "--patch", paramLabel = "P", description = "Patch half-size (default 20).")
    Integer patch;

    @Option(names = "--window", paramLabel = "W", description = "Translation window half-size (default 21).")
    Integer window;

    @Option(names = "--shifts", paramLabel = "N", description = "Number of translation shifts (default 100).")
    Integer shifts;

    @Option(names = "--radius", paramLabel = "R", description = "Rotation/reflection patch radius (default 20).")
    Integer radius;

    @Option(names = "--pool", paramLabel = "N", description = "Rotation/reflection max-pooling window "
            + "width, odd, about one unit cell (default 31).")
    Integer pool;

    @Option(names = "--angles", paramLabel = "DEG,...", description = "Rotation angles in degrees "
            + "(default 60,90,120,180).")
    String angles;

    @Option(names = "--mirrors", paramLabel = "N", description = "Number of mirror lines (default 10).")
    Integer mirrors;

    @Option(names = "--select-best", paramLabel = "N", description = "Refit on the N descriptor "
            + "channels with the best Fisher separability; 0 keeps all (default 0).")
    Integer selectBest;

    @Option(names = "--pca", paramLabel = "C", description = "Principal components kept (default 5).")
    Integer pca;

    @Option(names = "--seed", paramLabel = "N", description = "k-means seed (default 42).")
    Long seed;

    @Option(names = "--tile", paramLabel = "T", description = "Tile core size in pixels (default 512); "
            + "labels do not depend on it.")
    Integer tile;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
    String master;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file overriding the defaults.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SegmentConfig settings;
        try {
            settings = ConfigLoader.load(config, overrides());
        } catch (ConfigException e) {
            err.println("symseg: " + e.getMessage());
            return Main.USAGE;
        }
        JavaSparkContext sc = SparkContexts.getOrCreate(settings.master());
        SegmentJob.Report report = SegmentJob.run(sc, inputs, this.out, settings);
        for (InputResult result : report.results()) {
            if (result.ok()) {
                out.println("ok      " + result.path() + " -> " + result.outputDir()
                        + "  pattern fractions " + fractions(result.fractions()));
            }
        }
        for (Failure failure : report.failures()) {
            err.println("failed  " + failure);
        }
        out.printf(Locale.ROOT, "%d of %d inputs segmented in %.1f s; manifest: %s%n",
                report.results().stream().filter(InputResult::ok).count(), inputs.size(),
                report.timingsMs().get("total") / 1000.0, this.out + "/" + SegmentJob.MANIFEST);
        return report.ok() ? 0 : Main.INPUT_FAILED;
    }

    private Map<String, String> overrides() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("k", str(k));
        map.put("descriptor", descriptor);
        map.put("stride", str(stride));
        map.put("patch", str(patch));
        map.put("window", str(window));
        map.put("shifts", str(shifts));
        map.put("radius", str(radius));
        map.put("pool", str(pool));
        map.put("angles", angles);
        map.put("mirrors", str(mirrors));
        map.put("pca", str(pca));
        map.put("select-best", str(selectBest));
        map.put("seed", str(seed));
        map.put("tile", str(tile));
        map.put("master", master);
        return map;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String fractions(double[] fractions) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fractions.length; i++) {
            s.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%d:%.3f", i, fractions[i]));
        }
        return s.toString();
    }
}
