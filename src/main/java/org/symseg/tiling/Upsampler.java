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
        int w = tile.core().width();
        int h = tile.core().height();
        int[] column = new int[w];
        for (int x = 0; x < w; x++) {
            column[x] = grid.nearest(tile.core().x() + x, grid.countX()) - tile.ix0();
        }
        short[] labels = new short[w * h];
        for (int y = 0; y < h; y++) {
            int row = (grid.nearest(tile.core().y() + y, grid.countY()) - tile.iy0()) * tile.pointsX();
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = pointLabels[row + column[x]];
            }
        }
        return labels;
    }

    /** Copies a tile's core labels into the frame's label map. */
    public static void place(Tile tile, short[] coreLabels, short[] frame, int frameWidth) {
        int w = tile.core().width();
        for (int y = 0; y < tile.core().height(); y++) {
            System.arraycopy(coreLabels, y * w, frame, (tile.core().y() + y) * frameWidth
                    + tile.core().x(), w);
        }
    }
}
