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
 * reader, the inputs still in play, and how wide its tiles are ({@link #forCores}). Inputs keep
 * their index when others drop out.
 */
public record RunPlan(SegmentConfig config, Descriptor descriptor, FrameReader reader,
        List<InputPlan> inputs, int tileWidth) implements Serializable {

    /** Square tiles of {@code --tile} pixels a side. */
    public RunPlan(SegmentConfig config, Descriptor descriptor, FrameReader reader, List<InputPlan> inputs) {
        this(config, descriptor, reader, inputs, config.tile());
    }

    /**
     * The plan for a Spark of {@code cores} task slots: tiles twice as wide as tall if the run
     * still has a tile for every core, else square. A tile computes its points from its core and
     * a halo of the descriptor's reach on every side, so a tile as wide as two reads one halo
     * fewer between them, and a run has half as many tasks to schedule: a warm 1024² translation
     * run on two cores cut into two tiles of 1024 x 512 took 0.170-0.180 s against 0.177-0.180 s
     * in four tiles, alternating (BENCHMARKS.md, issue 7). With fewer tiles than cores it would leave
     * cores idle. The choice stays with the plan as inputs drop out, so every stage cuts alike.
     */
    public RunPlan forCores(int cores) {
        int wide = 2 * config.tile();
        long tiles = 0;
        for (InputPlan input : inputs) {
            tiles += input.header().frames() * TileGrid.count(input.grid(), wide, config.tile());
        }
        return new RunPlan(config, descriptor, reader, inputs, tiles >= cores ? wide : config.tile());
    }

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
                tiles.addAll(TileGrid.tiles(input.index(), frame, input.grid(), tileWidth, config.tile()));
            }
        }
        return tiles;
    }

    public RunPlan without(Set<Integer> dropped) {
        return withInputs(inputs.stream().filter(i -> !dropped.contains(i.index())).toList());
    }

    public RunPlan withDescriptor(Descriptor replaced) {
        return new RunPlan(config, replaced, reader, inputs, tileWidth);
    }

    public RunPlan withInputs(List<InputPlan> replaced) {
        return new RunPlan(config, descriptor, reader, List.copyOf(replaced), tileWidth);
    }
}
