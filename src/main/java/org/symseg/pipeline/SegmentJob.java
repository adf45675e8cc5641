package org.symseg.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.symseg.config.SegmentConfig;
import org.symseg.dataset.Failure;
import org.symseg.dataset.InputRecord;
import org.symseg.dataset.InputSource;
import org.symseg.dataset.ModelStore;
import org.symseg.dataset.Reprocessing;
import org.symseg.image.FrameReader;
import org.symseg.image.Storage;
import org.symseg.image.AnyFormatReader;
import org.symseg.model.KSelection;
import org.symseg.descriptor.SelectedChannels;

/**
 * The three runs symseg does. {@code segment}: fit one model over all inputs (or reuse the one an
 * earlier run left in {@code OUT/model} with the same settings) and write every input that is new
 * or changed. {@code fit}: fit and save a model only. {@code apply}: write labels with a saved
 * model, never refitting. A bad input is reported and the others go on.
 */
public final class SegmentJob {

    public static final String MODEL_DIR = "model";

    public enum Mode { SEGMENT, FIT, APPLY }

    /**
     * A run to do. {@code inputFailures} are arguments that gave no usable input;
     * {@code modelDir} is where {@code fit} saves; {@code model} is what {@code apply} uses;
     * {@code force} redoes every input (and refits, for segment); {@code progress} shows the
     * stages on the console.
     */
    public record Request(Mode mode, List<InputSource> sources, List<Failure> inputFailures,
            String outDir, String modelDir, ModelStore.Saved model, SegmentConfig config,
            boolean force, RunProgress progress) {
    }

    /**
     * What a run did: one result per input, failures, the model used and how it was obtained,
     * the Fisher diagnostics of a fresh fit (null otherwise), and how k was chosen when this run
     * fitted with {@code --k auto} (else null).
     */
    public record Report(List<InputResult> results, List<Failure> failures, ModelStore.Saved model,
            String modelSource, Map<String, Object> diagnostics, KSelection kSelection,
            Map<String, Long> timingsMs) {

        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private SegmentJob() {
    }

    public static Report run(JavaSparkContext sc, Request request) throws IOException {
        request.progress().attach(sc);
        try {
            return run(sc, request, request.progress());
        } finally {
            request.progress().detach();
        }
    }

    private static Report run(JavaSparkContext sc, Request request, RunProgress progress)
            throws IOException {
        Stopwatch clock = new Stopwatch();
        SegmentConfig config = request.config();
        FrameReader reader = new AnyFormatReader(config.detector());
        Planner.Planned planned = Planner.plan(request.sources(), config, reader);
        List<Failure> failures = new ArrayList<>(request.inputFailures());
        failures.addAll(planned.failures());
        List<InputResult> results = new ArrayList<>();
        RunPlan plan = planned.plan();

        ModelStore.Saved model = request.model();
        String modelSource = model == null ? null : "loaded";
        String modelTarget = request.mode() == Mode.FIT ? request.modelDir()
                : Storage.child(request.outDir(), MODEL_DIR);
        if (request.mode() == Mode.SEGMENT && !request.force()) {
            ModelStore.Saved earlier = earlierModel(modelTarget, config);
            if (earlier != null) {
                model = earlier;
                modelSource = "reused";
            }
        }
        Set<Integer> skipped = new HashSet<>();
        if (model != null && !request.force()) {
            for (InputResult unchanged : unchanged(plan, request.outDir(), config, model)) {
                skipped.add(unchanged.index());
                results.add(unchanged);
            }
        }
        clock.lap("plan");

        // tiles are cut for the inputs this run works on
        RunPlan work = (model == null ? plan : plan.without(skipped)).forCores(sc.defaultParallelism());
        if (model != null && model.channels().length > 0) {
            // a model fitted on the best channels only reads those
            work = work.withDescriptor(new SelectedChannels(work.descriptor(), model.channels()));
        }
        Map<String, Object> diagnostics = null;
        if (!work.inputs().isEmpty()) {
            progress.begin(sc, "ranges");
            work = QuantizeStage.run(sc, work, failures);
            progress.end();
            progress.begin(sc, "descriptors");
            // kept as objects: a tile is one large float array, as big deserialized as serialized,
            // and the fit's passes and the apply then read it without deserializing it each time;
            // tiles that do not fit in memory go to disk (serialized) as before
            Broadcast<RunPlan> described = sc.broadcast(work);
            JavaRDD<TileDescriptors> all = DescriptorStage.run(sc, described)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            boolean fitting = model == null;
            FitRows.Scope toDriver = fitting ? FitRows.scope(work) : FitRows.Scope.NONE;
            DescriptorTotals totals = Merged.of(all.map(td -> DescriptorTotals.of(described.value(), td,
                    fitting, toDriver)), DescriptorTotals::merge);
            Set<Integer> dropped = new HashSet<>();
            for (Map.Entry<Integer, String> error : totals.failures().entrySet()) {
                dropped.add(error.getKey());
                failures.add(new Failure(work.input(error.getKey()).path(), error.getValue()));
            }
            work = work.without(dropped);
            progress.end();
            clock.lap("descriptors");
            if (!work.inputs().isEmpty()) {
                // with no input dropped, the plan and the tiles are the descriptor job's own, and
                // so are its sums and rows
                boolean complete = dropped.isEmpty();
                Broadcast<RunPlan> shared = complete ? described : sc.broadcast(work);
                JavaRDD<TileDescriptors> usable = Grouped.tiles(complete ? all
                        : all.filter(td -> !dropped.contains(td.tile().input())));
                if (model == null) {
                    progress.begin(sc, "fit");
                    String diagnosticsDir = request.mode() == Mode.FIT ? request.modelDir() : request.outDir();
                    FisherStage.Fitted fitted = FisherStage.fit(usable, shared, complete ? totals : null,
                            sc, diagnosticsDir, runId());
                    model = ModelStore.describe(config.resultSettings(), config.settingsHash(),
                            fitted.channels(), fitted.model(), fitted.kSelection());
                    ModelStore.save(modelTarget, model);
                    modelSource = "fitted";
                    shared = fitted.plan();
                    usable = fitted.tiles();
                    diagnostics = fitted.manifest();
                    progress.end();
                    clock.lap("fit");
                }
                if (request.mode() != Mode.FIT) {
                    progress.begin(sc, "apply");
                    OutputContext context = new OutputContext(request.outDir(), runId(),
                            config.settingsHash(), model.hash(), model.model().patterns());
                    for (InputResult result : OutputStage.run(usable, shared,
                            sc.broadcast(model.model()), context)) {
                        results.add(result);
                        if (!result.ok()) {
                            failures.add(new Failure(result.path(), result.reason()));
                        }
                    }
                    progress.end();
                    clock.lap("apply+write");
                }
            }
            all.unpersist(false);
        }
        for (Failure failure : failures) {
            if (results.stream().noneMatch(r -> r.path().equals(failure.path()))) {
                results.add(InputResult.failed(-1, failure.path(), failure.reason()));
            }
        }
        results.sort(Comparator.comparingInt(r -> r.index() < 0 ? Integer.MAX_VALUE : r.index()));
        Report report = new Report(results, failures, model, modelSource, diagnostics,
                model == null ? null : model.kSelection(), clock.laps());
        if (request.mode() != Mode.FIT) {
            RunFiles.write(sc, request.outDir(), config, plan, report);
        }
        return report;
    }

    /** The model an earlier segment run left in {@code dir}, if fitted with these settings. */
    private static ModelStore.Saved earlierModel(String dir, SegmentConfig config) throws IOException {
        if (!ModelStore.exists(dir)) {
            return null;
        }
        ModelStore.Saved earlier = ModelStore.load(dir);
        return config.settingsHash().equals(earlier.settingsHash()) ? earlier : null;
    }

    /** Inputs whose outputs in {@code outDir} were made from the same files, settings and model. */
    private static List<InputResult> unchanged(RunPlan plan, String outDir, SegmentConfig config,
            ModelStore.Saved model) throws IOException {
        List<InputResult> unchanged = new ArrayList<>();
        for (InputPlan input : plan.inputs()) {
            InputRecord previous = Reprocessing.previous(outDir, input.source());
            Reprocessing.Decision decision = Reprocessing.decide(input.source(), previous,
                    config.settingsHash(), model.hash());
            if (!decision.redo()) {
                unchanged.add(InputResult.skipped(input.index(), input.path(),
                        Storage.child(outDir, input.outputName()), previous.fractions(),
                        decision.reason()));
            }
        }
        return unchanged;
    }

    private static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
