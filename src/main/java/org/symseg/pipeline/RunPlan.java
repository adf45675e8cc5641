package org.symseg.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.symseg.config.SegmentConfig;
import org.symseg.descriptor.Descriptor;
import org.symseg.image.FrameReader;
import org.symseg.tiling.Tile;
import org.symseg.tiling.TileGrid;

/**
 * Everything a task needs to know about a run, broadcast once: settings, the descriptor, the
 * reader and the inputs still in play. Inputs keep their index when others drop out.
 */
public record RunPlan(SegmentConfig config, Descriptor descriptor, FrameReader reader,
        List<InputPlan> inputs) implements Serializable {

    public InputPlan input(int index) {
        for (InputPlan input : inputs) {
            if (input.index() == index) {
                return input;
            }
        }
        throw new IllegalArgumentException("no input " + index + " in this run");
    }

    /** One past the largest point ordinal; ordinals of dropped inputs stay unused. */
    public long ordinalEnd() {
        long end = 0;
        for (InputPlan input : inputs) {
            end = Math.max(end, input.firstPoint() + input.points());
        }
        return end;
    }

    public long points() {
        return inputs.stream().mapToLong(InputPlan::points).sum();
    }

    public List<Tile> tiles() {
        List<Tile> tiles = new ArrayList<>();
        for (InputPlan input : inputs) {
            for (int frame = 0; frame < input.header().frames(); frame++) {
                tiles.addAll(TileGrid.tiles(input.index(), frame, input.grid(), config.tile()));
            }
        }
        return tiles;
    }

    public RunPlan without(Set<Integer> dropped) {
        return withInputs(inputs.stream().filter(i -> !dropped.contains(i.index())).toList());
    }

    public RunPlan withDescriptor(Descriptor replaced) {
        return new RunPlan(config, replaced, reader, inputs);
    }

    public RunPlan withInputs(List<InputPlan> replaced) {
        return new RunPlan(config, descriptor, reader, List.copyOf(replaced));
    }
}
