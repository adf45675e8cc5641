package org.symseg.tiling;

/**
 * Nearest-point upsampling of strided labels to the pixels of a tile's core. Every core pixel's
 * nearest point belongs to the tile, so no neighbour is needed.
 */
public final class Upsampler {

    private Upsampler() {
    }

    /** Labels of the core pixels, row by row, from the tile's point labels (row by row). */
    public static short[] upsample(Tile tile, StrideGrid grid, short[] pointLabels) {
        short[] labels = new short[tile.core().width() * tile.core().height()];
        upsample(tile, grid, pointLabels, labels, tile.core().width(), tile.core().x(), tile.core().y());
        return labels;
    }

    /**
     * The core pixels' labels written straight into {@code out}, an area of the frame
     * {@code outWidth} pixels wide whose first pixel is frame pixel ({@code outX}, {@code outY}):
     * a full-width band of the frame's label map, say, with {@code outX} 0.
     */
    public static void upsample(Tile tile, StrideGrid grid, short[] pointLabels, short[] out,
            int outWidth, int outX, int outY) {
        int w = tile.core().width();
        int h = tile.core().height();
        int[] column = new int[w];
        for (int x = 0; x < w; x++) {
            column[x] = grid.nearest(tile.core().x() + x, grid.countX()) - tile.ix0();
        }
        for (int y = 0; y < h; y++) {
            int row = (grid.nearest(tile.core().y() + y, grid.countY()) - tile.iy0()) * tile.pointsX();
            int at = (tile.core().y() + y - outY) * outWidth + tile.core().x() - outX;
            for (int x = 0; x < w; x++) {
                out[at + x] = pointLabels[row + column[x]];
            }
        }
    }
}
