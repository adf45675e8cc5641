package org.symseg.tiling;

import java.util.ArrayList;
import java.util.List;
import org.symseg.image.Rect;

/**
 * Cuts a frame's stride grid into tiles of about {@code tileWidth} x {@code tileHeight} pixels of
 * core. Tile boundaries fall on the global stride grid, so a point's descriptor is computed from
 * the same pixels whichever tile holds it.
 */
public final class TileGrid {

    private TileGrid() {
    }

    /** Square tiles, {@code tileSize} pixels a side. */
    public static List<Tile> tiles(int input, int frame, StrideGrid grid, int tileSize) {
        return tiles(input, frame, grid, tileSize, tileSize);
    }

    public static List<Tile> tiles(int input, int frame, StrideGrid grid, int tileWidth, int tileHeight) {
        int perX = points(tileWidth, grid);
        int perY = points(tileHeight, grid);
        int nx = grid.countX();
        int ny = grid.countY();
        List<Tile> tiles = new ArrayList<>();
        for (int iy0 = 0; iy0 < ny; iy0 += perY) {
            int iy1 = Math.min(ny, iy0 + perY);
            for (int ix0 = 0; ix0 < nx; ix0 += perX) {
                int ix1 = Math.min(nx, ix0 + perX);
                int cx = grid.firstPixel(ix0);
                int cy = grid.firstPixel(iy0);
                Rect core = new Rect(cx, cy, grid.endPixel(ix1 - 1, nx, grid.width()) - cx,
                        grid.endPixel(iy1 - 1, ny, grid.height()) - cy);
                int rx = grid.coordinate(ix0) - grid.reach();
                int ry = grid.coordinate(iy0) - grid.reach();
                Rect read = new Rect(rx, ry, grid.coordinate(ix1 - 1) + grid.reach() + 1 - rx,
                        grid.coordinate(iy1 - 1) + grid.reach() + 1 - ry);
                tiles.add(new Tile(input, frame, ix0, ix1, iy0, iy1, core, read));
            }
        }
        return tiles;
    }

    /** How many tiles of {@code tileWidth} x {@code tileHeight} pixels the frame's grid gives. */
    public static long count(StrideGrid grid, int tileWidth, int tileHeight) {
        long across = (grid.countX() + points(tileWidth, grid) - 1) / points(tileWidth, grid);
        long down = (grid.countY() + points(tileHeight, grid) - 1) / points(tileHeight, grid);
        return across * down;
    }

    /** Stride points along a tile of {@code pixels}. */
    private static int points(int pixels, StrideGrid grid) {
        return Math.max(1, Math.round((float) pixels / grid.stride()));
    }
}
