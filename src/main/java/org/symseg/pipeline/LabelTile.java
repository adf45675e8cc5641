package org.symseg.pipeline;

import java.io.Serializable;
import org.symseg.tiling.Tile;

/** The labels of a tile's core pixels, row by row. */
public record LabelTile(Tile tile, short[] labels) implements Serializable {
}
