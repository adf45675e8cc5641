package org.symseg.pipeline;

import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.symseg.config.SegmentConfig;
import org.symseg.image.FrameReader;
import org.symseg.image.Storage;
import org.symseg.image.TiffFrameReader;
import org.symseg.model.SegmentationModel;
import org.symseg.report.Manifest;
import scala.Tuple2;

/**
 * {@code segment}: plan on the driver, descriptors per tile, one fit over the whole run, then
 * labels and outputs per input, and the run manifest. A bad input is reported and the others go
 * on.
 */
public final class SegmentJob {

    public static final String MANIFEST = "manifest.json";

    /** What a run did: per-input results, failures, the model (null if nothing was fitted). */
    public record Report(List<InputResult> results, List<Failure> failures,
            SegmentationModel model, Map<String, Long> timingsMs) {

        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private SegmentJob() {
    }

    public static Report run(JavaSparkContext sc, List<String> paths, String outDir,
            SegmentConfig config) throws java.io.IOException {
        Stopwatch clock = new Stopwatch();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        FrameReader reader = new TiffFrameReader();
        Planner.Planned planned = Planner.plan(paths, config, reader);
        List<Failure> failures = new ArrayList<>(planned.failures());
        clock.lap("plan");

        RunPlan plan = QuantizeStage.run(sc, planned.plan(), failures);
        clock.lap("range");
        SegmentationModel model = null;
        Map<String, Object> diagnostics = null;
        List<InputResult> results = new ArrayList<>();
        if (!plan.inputs().isEmpty()) {
            JavaRDD<TileDescriptors> all = DescriptorStage.run(sc, sc.broadcast(plan))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Set<Integer> dropped = new HashSet<>();
            for (Tuple2<Integer, String> error : all.filter(TileDescriptors::failed)
                    .map(td -> new Tuple2<>(td.tile().input(), td.error())).collect()) {
                if (dropped.add(error._1())) {
                    failures.add(new Failure(plan.input(error._1()).path(), error._2()));
                }
            }
            plan = plan.without(dropped);
            clock.lap("descriptors");
            if (!plan.inputs().isEmpty()) {
                JavaRDD<TileDescriptors> usable = all.filter(td -> !dropped.contains(td.tile().input()));
                FisherStage.Fitted fitted = FisherStage.fit(usable, sc.broadcast(plan), sc, outDir,
                        runId);
                model = fitted.model();
                plan = fitted.plan().value();
                diagnostics = fitted.manifest();
                clock.lap("fit");
                for (InputResult result : OutputStage.run(fitted.tiles(), fitted.plan(),
                        sc.broadcast(model), outDir, runId)) {
                    results.add(result);
                    if (!result.ok()) {
                        failures.add(new Failure(result.path(), result.error()));
                    }
                }
                clock.lap("apply+write");
            }
            all.unpersist(false);
        }
        results.sort(Comparator.comparingInt(InputResult::index));
        Report report = new Report(results, failures, model, clock.laps());
        writeManifest(sc, outDir, runId, paths, config, plan, report, diagnostics);
        return report;
    }

    private static void writeManifest(JavaSparkContext sc, String outDir, String runId,
            List<String> paths, SegmentConfig config, RunPlan plan, Report report,
            Map<String, Object> diagnostics) throws java.io.IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("symseg", Versions.symseg());
        manifest.put("spark", sc.version());
        manifest.put("java", System.getProperty("java.version"));
        manifest.put("master", sc.master());
        manifest.put("created", Instant.now().toString());
        manifest.put("run", runId);
        manifest.put("configuration", config.asMap());
        manifest.put("reach", plan.descriptor().reach());
        if (report.model() != null) {
            manifest.put("model", Map.of("patterns", report.model().patterns(),
                    "features", report.model().features(),
                    "descriptorLength", report.model().descriptorLength()));
        }
        if (diagnostics != null) {
            manifest.put("diagnostics", diagnostics);
        }
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (InputResult result : report.results()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", result.path());
            entry.put("status", result.ok() ? "ok" : "failed");
            if (result.ok()) {
                InputPlan input = plan.input(result.index());
                entry.put("width", input.header().width());
                entry.put("height", input.header().height());
                entry.put("frames", input.header().frames());
                entry.put("pixelType", input.header().type().name());
                entry.put("output", result.outputDir());
                entry.put("fractions", result.fractions());
            } else {
                entry.put("reason", result.error());
            }
            inputs.add(entry);
        }
        for (Failure failure : report.failures()) {
            if (report.results().stream().noneMatch(r -> r.path().equals(failure.path()))) {
                inputs.add(Map.of("path", failure.path(), "status", "failed",
                        "reason", failure.reason()));
            }
        }
        manifest.put("inputs", inputs);
        manifest.put("timingsMs", report.timingsMs());
        Storage.mkdirs(outDir);
        String partial = Storage.child(outDir, "." + MANIFEST + ".partial-" + runId);
        try (OutputStream out = Storage.create(partial)) {
            Manifest.write(out, manifest);
        }
        Storage.replace(partial, Storage.child(outDir, MANIFEST));
    }
}
