package org.symseg.pipeline;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.symseg.model.SegmentationModel;
import scala.Tuple2;

/**
 * Applies the broadcast model per tile (project, nearest centre: a label per stride point), then
 * streams each input's label tiles, sorted by frame and position, to the one task that writes
 * that input, which upsamples them inside each tile: it holds one band of tiles at a time, never
 * a whole frame.
 */
final class OutputStage {

    private OutputStage() {
    }

    static List<InputResult> run(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan,
            Broadcast<SegmentationModel> model, OutputContext context) {
        int inputs = plan.value().inputs().size();
        int partitions = Math.max(1, Math.min(inputs, 4 * tiles.context().defaultParallelism()));
        return Collected.of(tiles
                .mapToPair(td -> new Tuple2<>(TileKey.of(td.tile()), label(model.value(), td)))
                .repartitionAndSortWithinPartitions(new InputPartitioner(partitions))
                .mapPartitions(sorted -> {
                    HadoopSettings.apply();
                    return InputWriter.writeAll(plan.value(), sorted, context).iterator();
                }));
    }

    private static LabelTile label(SegmentationModel model, TileDescriptors td) {
        return new LabelTile(td.tile(), model.labels(td.data(), td.tile().points()));
    }
}
