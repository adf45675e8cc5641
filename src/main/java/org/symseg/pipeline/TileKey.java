package org.symseg.pipeline;

import java.io.Serializable;
import java.util.Comparator;
import org.symseg.tiling.Tile;

/** Sort key of label tiles: by input, then frame, then tile row, then tile column. */
record TileKey(int input, int frame, int iy0, int ix0) implements Comparable<TileKey>, Serializable {

    private static final Comparator<TileKey> ORDER = Comparator.comparingInt(TileKey::input)
            .thenComparingInt(TileKey::frame).thenComparingInt(TileKey::iy0)
            .thenComparingInt(TileKey::ix0);

    static TileKey of(Tile tile) {
        return new TileKey(tile.input(), tile.frame(), tile.iy0(), tile.ix0());
    }

    @Override
    public int compareTo(TileKey other) {
        return ORDER.compare(this, other);
    }
}
