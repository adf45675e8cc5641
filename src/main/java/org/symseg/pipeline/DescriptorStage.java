package org.symseg.pipeline;

import org.symseg.dataset.Failure;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.symseg.descriptor.QuantizedImage;
import org.symseg.image.Rect;
import org.symseg.tiling.Tile;

/**
 * Tiles are the work units: each task reads its tile's region (core points plus halo) from the
 * file itself and computes the descriptors of its points. Only tile descriptors are parallelized.
 */
final class DescriptorStage {

    private DescriptorStage() {
    }

    static JavaRDD<TileDescriptors> run(JavaSparkContext sc, Broadcast<RunPlan> plan) {
        List<Tile> tiles = plan.value().tiles();
        return sc.parallelize(tiles, Math.max(1, tiles.size()))
                .map(tile -> compute(plan.value(), tile));
    }

    static TileDescriptors compute(RunPlan plan, Tile tile) {
        HadoopSettings.apply();
        InputPlan input = plan.input(tile.input());
        try {
            Rect region = tile.read();
            float[] pixels = plan.reader().read(input.frame(tile.frame()).path(),
                    input.frame(tile.frame()).page(), region);
            QuantizedImage image = input.quantizers()[tile.frame()]
                    .apply(pixels, region.width(), region.height()).placedAt(region.x(), region.y());
            float[] out = new float[tile.points() * plan.descriptor().length()];
            plan.descriptor().compute(image, tile.localXs(input.grid()), tile.localYs(input.grid()), out);
            return new TileDescriptors(tile, out, null);
        } catch (Exception e) {
            return new TileDescriptors(tile, null, Failure.reasonOf(e));
        }
    }
}
