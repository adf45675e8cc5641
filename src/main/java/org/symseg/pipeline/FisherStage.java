package org.symseg.pipeline;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.symseg.descriptor.Descriptor;
import org.symseg.descriptor.SelectedChannels;
import org.symseg.image.Storage;
import org.symseg.model.ClassMoments;
import org.symseg.model.CovarianceSums;
import org.symseg.model.KSelection;
import org.symseg.model.SegmentationModel;
import org.symseg.report.FisherReport;

/**
 * Fisher separability diagnostics after a fit (paper, Fig. 5): one pass over the fit points, tile
 * by tile, gathers per pattern the moments of every descriptor channel and every PCA feature;
 * the moments are exact sums ({@link ClassMoments}), so they do not depend on tiling, and the
 * driver writes {@code OUT/diagnostics/}.
 * With {@code --select-best N} the fit is then repeated on the N channels that separate the
 * patterns best.
 */
final class FisherStage {

    static final String DIRECTORY = "diagnostics";
    static final String CSV = "fisher.csv";
    static final String PNG = "fisher.png";

    /**
     * The final plan, descriptors and model, the descriptor channels the model uses (none listed:
     * all), what goes into the manifest, and how the final fit chose k ({@code --k auto}; else
     * null).
     */
    record Fitted(Broadcast<RunPlan> plan, JavaRDD<TileDescriptors> tiles, SegmentationModel model,
            int[] channels, Map<String, Object> manifest, KSelection kSelection) {
    }

    private FisherStage() {
    }

    /**
     * {@code known}: what the descriptor job summed and brought to the driver for this plan
     * (null if nothing counts: an input was dropped since).
     */
    static Fitted fit(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan, DescriptorTotals known,
            org.apache.spark.api.java.JavaSparkContext sc, String outDir, String runId)
            throws java.io.IOException {
        FitRows rows = known == null ? null : known.rows();
        FitStage.Clusters clusters = FitStage.cluster(tiles, plan, known);
        // the moments' pass also counts each cluster's points, which orders the labels
        ClassMoments byCluster = rows != null ? rows.moments(clusters.unordered())
                : measure(tiles, plan, clusters.unordered());
        int[] order = clusters.order(byCluster.counts());
        FitStage.Fitted first = clusters.ordered(order);
        ClassMoments moments = byCluster.reordered(order);
        SegmentationModel model = first.model();
        Descriptor descriptor = plan.value().descriptor();
        int selectBest = plan.value().config().selectBest();
        int[] best = selectBest > 0 ? moments.best(selectBest, descriptor.length()) : new int[0];
        Map<String, Object> manifest = write(outDir, runId, moments, descriptor, best);
        if (best.length == 0) {
            return new Fitted(plan, tiles, model, best, manifest, first.kSelection());
        }
        SelectedChannels selected = new SelectedChannels(descriptor, best);
        Broadcast<RunPlan> narrowed = sc.broadcast(plan.value().withDescriptor(selected));
        JavaRDD<TileDescriptors> kept = tiles.map(td -> new TileDescriptors(td.tile(),
                selected.select(td.data(), td.tile().points()), null));
        FitStage.Fitted refit = FitStage.fit(kept, narrowed, known == null ? null : known.selected(selected));
        return new Fitted(narrowed, kept, refit.model(), best, manifest, refit.kSelection());
    }

    /** Moments of the fit points of every tile, by their label under {@code model}. */
    private static ClassMoments measure(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan,
            SegmentationModel model) {
        return Merged.of(tiles.map(td -> ClassMoments.byPattern(model, td.data(),
                FitPoints.offsets(plan.value(), td.tile()), true)), ClassMoments::merge);
    }

    private static Map<String, Object> write(String outDir, String runId, ClassMoments moments,
            Descriptor descriptor, int[] best) throws java.io.IOException {
        String[] names = new String[descriptor.length()];
        for (int c = 0; c < names.length; c++) {
            names[c] = descriptor.channel(c);
        }
        Set<Integer> selected = new HashSet<>();
        Arrays.stream(best).forEach(selected::add);
        String target = Storage.child(outDir, DIRECTORY);
        String partial = Storage.child(outDir, "." + DIRECTORY + ".partial-" + runId);
        Storage.delete(partial);
        Storage.mkdirs(partial);
        try (OutputStream out = Storage.create(Storage.child(partial, CSV))) {
            FisherReport.writeCsv(out, moments, names, selected);
        }
        try (OutputStream out = Storage.create(Storage.child(partial, PNG))) {
            FisherReport.writePng(out, moments, names.length);
        }
        Storage.replace(partial, target);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("fisherCsv", DIRECTORY + "/" + CSV);
        manifest.put("fisherPlot", DIRECTORY + "/" + PNG);
        if (best.length > 0) {
            List<String> kept = new ArrayList<>();
            Arrays.stream(best).forEach(c -> kept.add(names[c]));
            manifest.put("selectedChannels", kept);
        }
        return manifest;
    }
}
