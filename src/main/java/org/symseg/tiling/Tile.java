package org.symseg.tiling;

import java.io.Serializable;
import org.symseg.image.Rect;

/**
 * One unit of work: the stride points with indices [ix0, ix1) x [iy0, iy1) of one frame. Its core
 * is the pixels whose nearest point it holds (cores of a frame never overlap and cover it); its
 * read region is what its descriptors need, core points plus the halo {@code reach}.
 */
public record Tile(int input, int frame, int ix0, int ix1, int iy0, int iy1, Rect core, Rect read)
        implements Serializable {

    public int pointsX() {
        return ix1 - ix0;
    }

    public int pointsY() {
        return iy1 - iy0;
    }

    public int points() {
        return pointsX() * pointsY();
    }

    /** Point x coordinates relative to the read region. */
    public int[] localXs(StrideGrid grid) {
        int[] xs = new int[pointsX()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = grid.coordinate(ix0 + i) - read.x();
        }
        return xs;
    }

    /** Point y coordinates relative to the read region. */
    public int[] localYs(StrideGrid grid) {
        int[] ys = new int[pointsY()];
        for (int j = 0; j < ys.length; j++) {
            ys[j] = grid.coordinate(iy0 + j) - read.y();
        }
        return ys;
    }
}
