package org.symseg.pipeline;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.symseg.model.CovarianceSums;

/**
 * What the descriptor job hands the driver: the failed tiles, and, when the run fits a model,
 * the covariance sums of the fit points of all other tiles (and in a small run those points'
 * descriptors). Summing them in the job that computes the descriptors spares the fit a Spark job
 * of its own. The sums are exact, so merged in any order they are the fit's sums bit for bit;
 * they count only while no input is dropped, as which points the fit takes depends on the run's
 * point count.
 */
record DescriptorTotals(TreeMap<TileKey, String> failedTiles, CovarianceSums sums, FitRows rows)
        implements Serializable {

    /**
     * One tile's part: sums only if {@code withSums}; the fit points' descriptors too if
     * {@code withRows} ({@link FitRows}).
     */
    static DescriptorTotals of(RunPlan plan, TileDescriptors td, boolean withSums, boolean withRows) {
        TreeMap<TileKey, String> failed = new TreeMap<>();
        if (td.failed()) {
            failed.put(TileKey.of(td.tile()), td.error());
        }
        CovarianceSums sums = null;
        if (withSums) {
            sums = new CovarianceSums(plan.descriptor().length());
            if (!td.failed()) {
                sums.addAll(td.data(), FitPoints.offsets(plan, td.tile()));
            }
        }
        FitRows rows = null;
        if (withRows) {
            rows = td.failed() ? FitRows.empty(plan.descriptor().length()) : FitRows.of(plan, td);
        }
        return new DescriptorTotals(failed, sums, rows);
    }

    DescriptorTotals merge(DescriptorTotals other) {
        failedTiles.putAll(other.failedTiles);
        return new DescriptorTotals(failedTiles, sums == null ? null : sums.merge(other.sums),
                rows == null ? null : rows.merge(other.rows));
    }

    /** Each input's reason: its first failed tile's, in input order whatever the tasks' order. */
    Map<Integer, String> failures() {
        Map<Integer, String> byInput = new TreeMap<>();
        failedTiles.forEach((key, error) -> byInput.putIfAbsent(key.input(), error));
        return byInput;
    }
}
