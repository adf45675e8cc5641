package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.symseg.config.ConfigLoader;
import org.symseg.dataset.InputExpander;
import org.symseg.image.AnyFormatReader;
import org.symseg.tiling.TileGrid;

/** Tiles twice as wide as tall while every core still gets one, square otherwise. */
class RunPlanTest {

    @Test
    void tilesAreWideWhileThereIsOneForEveryCore() {
        RunPlan plan = Planner.plan(InputExpander.expand(List.of("test-data/two-phase.tif"), List.of()).sources(),
                ConfigLoader.load(null, Map.of("tile", "100")), new AnyFormatReader()).plan();
        InputPlan input = plan.inputs().get(0);
        assertEquals(TileGrid.tiles(0, 0, input.grid(), 100), plan.tiles());
        long wide = TileGrid.count(input.grid(), 200, 100);
        assertTrue(wide < plan.tiles().size(), wide + " wide tiles");

        RunPlan forFew = plan.forCores((int) wide);
        assertEquals(TileGrid.tiles(0, 0, input.grid(), 200, 100), forFew.tiles());
        // dropping inputs keeps the tiles' width: the stages after the descriptors cut alike
        assertEquals(forFew.tileWidth(), forFew.without(Set.of(5)).tileWidth());

        assertEquals(plan.tiles(), plan.forCores((int) wide + 1).tiles());
    }
}
