package org.symseg.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.symseg.config.SegmentConfig;
import org.symseg.dataset.Json;
import org.symseg.image.Storage;

/**
 * The run-level files under {@code OUT}: {@code manifest.json}, {@code failures.json} and
 * {@code stats/} (area fraction of each pattern per frame and input, as CSV and Parquet). They
 * cover every input of the run, the skipped ones included, and are replaced whole.
 */
final class RunFiles {

    static final String MANIFEST = "manifest.json";
    static final String FAILURES = "failures.json";
    static final String STATS = "stats";

    private RunFiles() {
    }

    static void write(JavaSparkContext sc, String outDir, SegmentConfig config, RunPlan plan,
            SegmentJob.Report report) throws IOException {
        Storage.mkdirs(outDir);
        writeStats(sc, outDir, report);
        Json.write(Storage.child(outDir, FAILURES), report.failures());
        Json.write(Storage.child(outDir, MANIFEST), manifest(sc, config, plan, report));
    }

    private static Map<String, Object> manifest(JavaSparkContext sc, SegmentConfig config,
            RunPlan plan, SegmentJob.Report report) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("symseg", Versions.symseg());
        manifest.put("spark", sc.version());
        manifest.put("java", System.getProperty("java.version"));
        manifest.put("master", sc.master());
        manifest.put("created", Instant.now().toString());
        manifest.put("configuration", config.asMap());
        manifest.put("settingsHash", config.settingsHash());
        manifest.put("reach", plan.descriptor().reach());
        if (report.model() != null) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("source", report.modelSource());
            model.put("hash", report.model().hash());
            model.put("patterns", report.model().model().patterns());
            model.put("features", report.model().model().features());
            model.put("descriptorLength", report.model().model().descriptorLength());
            manifest.put("model", model);
        }
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (InputResult result : report.results()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", result.path());
            entry.put("status", result.status().name().toLowerCase(Locale.ROOT));
            if (result.index() >= 0) {
                InputPlan input = plan.input(result.index());
                entry.put("width", input.header().width());
                entry.put("height", input.header().height());
                entry.put("frames", input.header().frames());
                entry.put("pixelType", input.header().type().name());
                entry.put("calibration", input.header().calibration().asMap());
            }
            if (result.ok()) {
                entry.put("output", result.outputDir());
                entry.put("fractions", result.fractions());
            }
            if (result.reason() != null) {
                entry.put("reason", result.reason());
            }
            inputs.add(entry);
        }
        manifest.put("inputs", inputs);
        manifest.put("timingsMs", report.timingsMs());
        return manifest;
    }

    private static void writeStats(JavaSparkContext sc, String outDir, SegmentJob.Report report)
            throws IOException {
        String partial = Storage.child(outDir, "." + STATS + ".partial-"
                + UUID.randomUUID().toString().substring(0, 8));
        Storage.mkdirs(partial);
        int patterns = report.model() == null ? 0 : report.model().model().patterns();
        List<Row> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("input,frame");
        for (int p = 0; p < patterns; p++) {
            csv.append(",pattern_").append(p);
        }
        csv.append('\n');
        for (InputResult result : report.results()) {
            if (!result.ok()) {
                continue;
            }
            for (int f = 0; f < result.fractions().length; f++) {
                csv.append(csvField(result.path())).append(',').append(f);
                Object[] values = new Object[2 + patterns];
                values[0] = result.path();
                values[1] = f;
                for (int p = 0; p < patterns; p++) {
                    double fraction = p < result.fractions()[f].length ? result.fractions()[f][p] : 0;
                    csv.append(',').append(String.format(Locale.ROOT, "%.6f", fraction));
                    values[2 + p] = fraction;
                }
                csv.append('\n');
                rows.add(RowFactory.create(values));
            }
        }
        try (OutputStream out = Storage.create(Storage.child(partial, "fractions.csv"))) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField("input", DataTypes.StringType, false),
                DataTypes.createStructField("frame", DataTypes.IntegerType, false)));
        for (int p = 0; p < patterns; p++) {
            fields.add(DataTypes.createStructField("pattern_" + p, DataTypes.DoubleType, false));
        }
        SparkSession spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
        spark.createDataFrame(rows, DataTypes.createStructType(fields)).coalesce(1).write()
                .mode(SaveMode.Overwrite)
                .parquet(Storage.qualified(Storage.child(partial, "fractions.parquet")));
        Storage.replace(partial, Storage.child(outDir, STATS));
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
