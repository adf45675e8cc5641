package org.symseg.pipeline;

import org.symseg.dataset.Failure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.symseg.descriptor.Quantizer;
import org.symseg.tiling.Tile;

/**
 * Frames whose samples are not small integers (32-bit, float) need their value range before
 * descriptors can be exact: one pass over the tile cores finds each frame's minimum and maximum.
 */
final class QuantizeStage {

    private record Range(int input, int frame, double min, double max, String error)
            implements java.io.Serializable {
    }

    private QuantizeStage() {
    }

    static RunPlan run(JavaSparkContext sc, RunPlan plan, List<Failure> failures) {
        List<Tile> tiles = plan.tiles().stream()
                .filter(t -> plan.input(t.input()).quantizers()[t.frame()] == null).toList();
        if (tiles.isEmpty()) {
            return plan;
        }
        List<Range> ranges = Collected.of(sc.parallelize(tiles, tiles.size())
                .map(tile -> rangeOf(plan, tile)));
        Map<Integer, double[][]> byInput = new HashMap<>();
        Set<Integer> failed = new HashSet<>();
        for (Range r : ranges) {
            if (r.error() != null) {
                if (failed.add(r.input())) {
                    failures.add(new Failure(plan.input(r.input()).path(), r.error()));
                }
                continue;
            }
            double[][] frames = byInput.computeIfAbsent(r.input(), i -> {
                double[][] empty = new double[plan.input(i).header().frames()][];
                return empty;
            });
            double[] mm = frames[r.frame()];
            frames[r.frame()] = mm == null ? new double[] {r.min(), r.max()}
                    : new double[] {Math.min(mm[0], r.min()), Math.max(mm[1], r.max())};
        }
        List<InputPlan> inputs = new ArrayList<>();
        for (InputPlan input : plan.inputs()) {
            if (failed.contains(input.index())) {
                continue;
            }
            double[][] frames = byInput.get(input.index());
            if (frames == null) {
                inputs.add(input);
                continue;
            }
            Quantizer[] q = Arrays.copyOf(input.quantizers(), input.quantizers().length);
            for (int f = 0; f < q.length; f++) {
                q[f] = Quantizer.forRange(frames[f][0], frames[f][1]);
            }
            inputs.add(input.withQuantizers(q));
        }
        return plan.withInputs(inputs);
    }

    private static Range rangeOf(RunPlan plan, Tile tile) {
        HadoopSettings.apply();
        InputPlan input = plan.input(tile.input());
        try {
            float[] pixels = plan.reader().read(input.frame(tile.frame()).path(),
                    input.frame(tile.frame()).page(), tile.core());
            double[] range = Quantizer.finiteRange(pixels);
            return new Range(tile.input(), tile.frame(), range[0], range[1], null);
        } catch (Exception e) {
            return new Range(tile.input(), tile.frame(), 0, 0, Failure.reasonOf(e));
        }
    }
}
