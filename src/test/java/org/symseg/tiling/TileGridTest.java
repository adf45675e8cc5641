package org.symseg.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symseg.image.Rect;

class TileGridTest {

    @Test
    void coresCoverEveryPixelExactlyOnceAndPointsExactlyOnce() {
        int[][] sizes = {{1, 1}, {7, 7}, {33, 33}, {100, 100}, {5000, 5000}, {66, 33}, {200, 100}, {14, 7}};
        for (int[] size : sizes) {
            int tileSize = size[1];
            StrideGrid grid = new StrideGrid(257, 190, 5, 41);
            List<Tile> tiles = TileGrid.tiles(0, 0, grid, size[0], size[1]);
            assertEquals(tiles.size(), TileGrid.count(grid, size[0], size[1]));
            int[] coverage = new int[grid.width() * grid.height()];
            long points = 0;
            for (Tile tile : tiles) {
                Rect core = tile.core();
                for (int y = core.y(); y < core.endY(); y++) {
                    for (int x = core.x(); x < core.endX(); x++) {
                        coverage[y * grid.width() + x]++;
                    }
                }
                points += tile.points();
                Rect image = new Rect(0, 0, grid.width(), grid.height());
                assertTrue(image.contains(tile.read()), "read region " + tile.read() + " outside image");
            }
            for (int c : coverage) {
                assertEquals(1, c, "tile size " + size[0] + " x " + tileSize);
            }
            assertEquals(grid.points(), points);
        }
    }

    @Test
    void readRegionHoldsEveryPointsReach() {
        StrideGrid grid = new StrideGrid(300, 300, 4, 20);
        for (Tile tile : TileGrid.tiles(0, 0, grid, 64)) {
            int[] xs = tile.localXs(grid);
            int[] ys = tile.localYs(grid);
            assertEquals(grid.reach(), xs[0]);
            assertEquals(grid.reach(), ys[0]);
            assertEquals(tile.read().width() - 1 - grid.reach(), xs[xs.length - 1]);
            assertEquals(tile.read().height() - 1 - grid.reach(), ys[ys.length - 1]);
        }
    }

    @Test
    void gridKeepsPointsReachAwayFromBorders() {
        StrideGrid grid = new StrideGrid(100, 83, 5, 41);
        assertEquals(4, grid.countX());
        assertEquals(1, grid.countY());
        assertTrue(grid.fits());
        assertTrue(!new StrideGrid(82, 200, 5, 41).fits());
    }
}
