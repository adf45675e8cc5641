package org.symseg.cli;

import java.util.concurrent.Callable;
import org.symseg.config.ConfigLoader;
import org.symseg.pipeline.SegmentJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code symseg segment}: fit one model over all inputs and write their label maps. */
@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Segments images into crystal patterns: descriptors at stride points, "
                + "PCA and k-means over all inputs together (one model, so a label means the "
                + "same pattern in every frame and file), labels upsampled to full size.",
            "Writes OUT/NAME/labels.tif, overlay.png, result.json per input (fractions.png for "
                + "series), and OUT/manifest.json, failures.json, stats/, model/, and diagnostics/ "
                + "(Fisher separability of each channel and PCA feature).",
            "Rerun into the same OUT, it reuses OUT/model when the settings are unchanged and "
                + "skips inputs whose files are unchanged; --force refits and redoes all.",
            "Defaults come from conf/symseg.properties."})
final class SegmentCommand implements Callable<Integer> {

    @Mixin
    InputOptions inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    String out;

    @Option(names = "--force", description = "Refit the model and redo every input.")
    boolean force;

    @Mixin
    SettingOptions settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return Runs.run(spec, SegmentJob.Mode.SEGMENT, inputs,
                () -> ConfigLoader.load(settings.config, settings.overrides()), out, null, null, force, settings.quiet);
    }
}
