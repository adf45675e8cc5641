package org.symseg.pipeline;

import java.io.Serializable;
import org.symseg.tiling.Tile;

/**
 * The labels of a tile's stride points, row by row: what the writer of its input upsamples to
 * the tile's core pixels. A stride of 5 shuffles 25 times fewer values than the pixels' labels.
 */
public record LabelTile(Tile tile, short[] pointLabels) implements Serializable {
}
