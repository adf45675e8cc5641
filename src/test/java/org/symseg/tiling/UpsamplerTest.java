package org.symseg.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UpsamplerTest {

    @Test
    void everyPixelTakesItsNearestPointsLabelWhateverTheTiling() {
        StrideGrid grid = new StrideGrid(61, 47, 4, 6);
        short[] expected = new short[grid.width() * grid.height()];
        for (int y = 0; y < grid.height(); y++) {
            for (int x = 0; x < grid.width(); x++) {
                int i = grid.nearest(x, grid.countX());
                int j = grid.nearest(y, grid.countY());
                expected[y * grid.width() + x] = label(i, j);
                // the nearest point is no farther than any other
                assertEquals(true, Math.abs(grid.coordinate(i) - x)
                        <= Math.abs(grid.coordinate(Math.min(grid.countX() - 1, i + 1)) - x));
            }
        }
        for (int tileSize : new int[] {4, 9, 20, 1000}) {
            short[] frame = new short[expected.length];
            for (Tile tile : TileGrid.tiles(0, 0, grid, tileSize)) {
                short[] points = new short[tile.points()];
                for (int j = 0; j < tile.pointsY(); j++) {
                    for (int i = 0; i < tile.pointsX(); i++) {
                        points[j * tile.pointsX() + i] = label(tile.ix0() + i, tile.iy0() + j);
                    }
                }
                Upsampler.upsample(tile, grid, points, frame, grid.width(), 0, 0);
                // the tile's own core, on its own, holds the same labels
                short[] core = Upsampler.upsample(tile, grid, points);
                for (int y = 0; y < tile.core().height(); y++) {
                    for (int x = 0; x < tile.core().width(); x++) {
                        assertEquals(expected[(tile.core().y() + y) * grid.width() + tile.core().x() + x],
                                core[y * tile.core().width() + x]);
                    }
                }
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, frame, "tile " + tileSize);
        }
    }

    private static short label(int i, int j) {
        return (short) (i * 100 + j);
    }
}
