package org.symseg.pipeline;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.symseg.model.SegmentationModel;
import org.symseg.tiling.Upsampler;
import scala.Tuple2;

/**
 * Applies the broadcast model per tile (project, nearest centre, upsample inside the tile), then
 * brings each input's label tiles together in one task that writes its outputs.
 */
final class OutputStage {

    private OutputStage() {
    }

    static List<InputResult> run(JavaRDD<TileDescriptors> tiles, Broadcast<RunPlan> plan,
            Broadcast<SegmentationModel> model, OutputContext context) {
        int inputs = Math.max(1, plan.value().inputs().size());
        return tiles
                .mapToPair(td -> new Tuple2<>(td.tile().input(), label(plan.value(), model.value(), td)))
                .groupByKey(inputs)
                .map(group -> InputWriter.write(plan.value(), group._1(), group._2(), context))
                .collect();
    }

    private static LabelTile label(RunPlan plan, SegmentationModel model, TileDescriptors td) {
        short[] pointLabels = model.labels(td.data(), td.tile().points());
        return new LabelTile(td.tile(), Upsampler.upsample(td.tile(),
                plan.input(td.tile().input()).grid(), pointLabels));
    }
}
