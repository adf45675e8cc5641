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

    /**
     * Copies a tile's core labels into a full-width band of the frame's label map whose first
     * row is frame row {@code bandTop} (0 for the whole frame).
     */
    public static void place(Tile tile, short[] coreLabels, short[] band, int frameWidth, int bandTop) {
        int w = tile.core().width();
        for (int y = 0; y < tile.core().height(); y++) {
            System.arraycopy(coreLabels, y * w, band, (tile.core().y() - bandTop + y) * frameWidth
                    + tile.core().x(), w);
        }
    }
}
