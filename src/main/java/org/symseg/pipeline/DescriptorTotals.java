package org.symseg.pipeline;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.symseg.descriptor.SelectedChannels;
import org.symseg.model.CovarianceSums;

/**
 * What the descriptor job hands the driver: the failed tiles, and, when the run fits a model,
 * the covariance sums of the fit points of all other tiles and the descriptors {@link FitRows}
 * takes to the driver: the fit points' in a small run ({@code rows}), else those of the points
 * k-means is seeded on ({@code seeds}). Gathering them in the job that computes the descriptors
 * spares the fit Spark jobs of its own. The sums are exact, so merged in any order they are the
 * fit's sums bit for bit; all of it counts only while no input is dropped, as which points the
 * fit takes depends on the run's point count.
 */
record DescriptorTotals(TreeMap<TileKey, String> failedTiles, CovarianceSums sums, FitRows rows, FitRows seeds)
        implements Serializable {

    /** One tile's part: sums only if {@code withSums}; the descriptors of the points {@code rows} names. */
    static DescriptorTotals of(RunPlan plan, TileDescriptors td, boolean withSums, FitRows.Scope rows) {
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
        FitRows tileRows = null;
        if (rows != FitRows.Scope.NONE) {
            tileRows = td.failed() ? FitRows.empty(plan.descriptor().length())
                    : FitRows.of(plan, td, rows == FitRows.Scope.FIT_POINTS ? FitPoints.offsets(plan, td.tile())
                            : FitPoints.driverOffsets(plan, td.tile()));
        }
        return new DescriptorTotals(failed, sums, rows == FitRows.Scope.FIT_POINTS ? tileRows : null,
                rows == FitRows.Scope.SAMPLE ? tileRows : null);
    }

    DescriptorTotals merge(DescriptorTotals other) {
        failedTiles.putAll(other.failedTiles);
        return new DescriptorTotals(failedTiles, sums == null ? null : sums.merge(other.sums),
                rows == null ? null : rows.merge(other.rows), seeds == null ? null : seeds.merge(other.seeds));
    }

    /**
     * What the driver still has for a fit on the selected channels only: the rows, narrowed;
     * the covariance sums were over every channel.
     */
    DescriptorTotals selected(SelectedChannels selected) {
        return new DescriptorTotals(failedTiles, null, rows == null ? null : rows.select(selected),
                seeds == null ? null : seeds.select(selected));
    }

    /** Each input's reason: its first failed tile's, in input order whatever the tasks' order. */
    Map<Integer, String> failures() {
        Map<Integer, String> byInput = new TreeMap<>();
        failedTiles.forEach((key, error) -> byInput.putIfAbsent(key.input(), error));
        return byInput;
    }
}
