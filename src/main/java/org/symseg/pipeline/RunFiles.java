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
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.api.java.JavaSparkContext;
import org.symseg.config.SegmentConfig;
import org.symseg.dataset.Json;
import org.symseg.image.Storage;
import org.symseg.report.RunReport;
import org.symseg.report.RunSummary;

/**
 * The run-level files under {@code OUT}: {@code manifest.json}, {@code failures.json} and
 * {@code stats/} (area fraction of each pattern per frame and input, as CSV and Parquet) and
 * {@code report.html}. They cover every input of the run, the skipped ones included, and are
 * replaced whole.
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
        writeStats(outDir, report);
        Json.write(Storage.child(outDir, FAILURES), report.failures());
        Map<String, Object> manifest = manifest(sc, config, plan, report);
        Json.write(Storage.child(outDir, MANIFEST), manifest);
        RunReport.write(summary(outDir, manifest, plan, report));
    }

    /** What the report shows, from the manifest's values and the run's results. */
    private static RunSummary summary(String outDir, Map<String, Object> manifest, RunPlan plan,
            SegmentJob.Report report) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String key : List.of("symseg", "spark", "java", "master")) {
            versions.put(key, String.valueOf(manifest.get(key)));
        }
        RunSummary.Model model = report.model() == null ? null : new RunSummary.Model(
                report.modelSource(), report.model().hash(), report.model().model().patterns());
        List<RunSummary.Input> inputs = new ArrayList<>();
        for (InputResult result : report.results()) {
            InputPlan input = result.index() >= 0 ? plan.input(result.index()) : null;
            inputs.add(new RunSummary.Input(result.path(), status(result),
                    result.ok() && input != null ? input.outputName() : null,
                    input == null ? 0 : input.header().width(),
                    input == null ? 0 : input.header().height(),
                    input == null ? 0 : input.header().frames(), result.fractions(), result.reason()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> configuration = (Map<String, Object>) manifest.get("configuration");
        return new RunSummary(outDir, String.valueOf(manifest.get("created")), versions, configuration,
                report.timingsMs(), model, report.kSelection(), inputs, report.failures());
    }

    private static String status(InputResult result) {
        return result.status().name().toLowerCase(Locale.ROOT);
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
        if (report.diagnostics() != null) {
            manifest.put("diagnostics", report.diagnostics());
        }
        if (report.kSelection() != null) {
            manifest.put("kSelection", report.kSelection());
        }
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (InputResult result : report.results()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", result.path());
            entry.put("status", status(result));
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

    private static void writeStats(String outDir, SegmentJob.Report report)
            throws IOException {
        String partial = Storage.child(outDir, "." + STATS + ".partial-"
                + UUID.randomUUID().toString().substring(0, 8));
        Storage.mkdirs(partial);
        int patterns = report.model() == null ? 0 : report.model().model().patterns();
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
                for (int p = 0; p < patterns; p++) {
                    csv.append(',').append(String.format(Locale.ROOT, "%.6f", result.fractions()[f][p]));
                }
                csv.append('\n');
            }
        }
        try (OutputStream out = Storage.create(Storage.child(partial, "fractions.csv"))) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        writeParquet(Storage.child(partial, "fractions.parquet"), patterns, report.results());
        Storage.replace(partial, Storage.child(outDir, STATS));
    }

    /**
     * The same table as the CSV, one row per frame, written straight with parquet-hadoop, in
     * version 2 data pages without dictionaries: parquet-hadoop lists a column chunk's encodings
     * in the order of a hash set of enum constants, which changes from one JVM to the next, and
     * this is the one layout with a single encoding per column (version 1 pages add the levels'
     * encoding, a dictionary its own), so two runs of the same inputs write the same bytes.
     */
    private static void writeParquet(String path, int patterns, List<InputResult> results)
            throws IOException {
        Types.MessageTypeBuilder columns = Types.buildMessage();
        columns.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("input");
        columns.required(PrimitiveTypeName.INT32).named("frame");
        for (int p = 0; p < patterns; p++) {
            columns.required(PrimitiveTypeName.DOUBLE).named("pattern_" + p);
        }
        MessageType schema = columns.named("fractions");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter
                .builder(new StorageOutputFile(path))
                .withConf(Storage.configuration())
                .withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(false)
                .withWriterVersion(WriterVersion.PARQUET_2_0)
                .build()) {
            for (InputResult result : results) {
                if (!result.ok()) {
                    continue;
                }
                for (int f = 0; f < result.fractions().length; f++) {
                    Group row = rows.newGroup().append("input", result.path()).append("frame", f);
                    for (int p = 0; p < patterns; p++) {
                        row.append("pattern_" + p, result.fractions()[f][p]);
                    }
                    writer.write(row);
                }
            }
        }
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
