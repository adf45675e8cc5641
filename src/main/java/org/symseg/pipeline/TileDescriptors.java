package org.symseg.pipeline;

import java.io.Serializable;
import org.symseg.tiling.Tile;

/**
 * The descriptors of one tile's points, row by row, or the reason they could not be computed.
 */
public record TileDescriptors(Tile tile, float[] data, String error) implements Serializable {

    public boolean failed() {
        return error != null;
    }
}
