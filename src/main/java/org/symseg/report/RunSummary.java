package org.symseg.report;

import java.util.List;
import java.util.Map;
import org.symseg.dataset.Failure;
import org.symseg.model.KSelection;

/**
 * What the run report shows, gathered by the driver from what the run already has. Output
 * locations are relative to the run's output directory, as the report links them.
 *
 * @param model      null when no model was fitted or loaded
 * @param kSelection null unless k was chosen by {@code --k auto}, in this run or in the fit that
 *     made the model it reused
 */
public record RunSummary(String outDir, String created, Map<String, String> versions,
        Map<String, Object> configuration, Map<String, Long> timingsMs, Model model,
        KSelection kSelection, List<Input> inputs, List<Failure> failures) {

    /** The model used: how it was obtained (fitted, reused, loaded), its hash and size. */
    public record Model(String source, String hash, int patterns) {
    }

    /**
     * One input: its status ("written", "skipped", "failed"), where its outputs are (relative to
     * the run's directory; null when it failed), its size, per-frame fractions and any reason.
     */
    public record Input(String path, String status, String outputName, int width, int height,
            int frames, double[][] fractions, String reason) {

        public boolean hasOutputs() {
            return outputName != null && fractions != null;
        }
    }
}
