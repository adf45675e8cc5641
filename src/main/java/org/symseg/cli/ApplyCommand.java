package org.symseg.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.symseg.config.ConfigLoader;
import org.symseg.dataset.ModelStore;
import org.symseg.pipeline.SegmentJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code symseg apply}: segment with a saved model, never refitting. */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Segments images with a model saved by 'fit' (or by 'segment' in "
                + "OUT/model): labels keep the meaning they had when the model was fitted. "
                + "Descriptor settings come from the model; a different value is refused.",
            "Outputs as for 'segment'. Rerun into the same OUT, it skips unchanged inputs; "
                + "--force redoes them."})
final class ApplyCommand implements Callable<Integer> {

    @Mixin
    InputOptions inputs;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A saved model.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    String out;

    @Option(names = "--force", description = "Redo every input, changed or not.")
    boolean force;

    @Mixin
    SettingOptions settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ModelStore.Saved saved;
        try {
            saved = ModelStore.load(model);
        } catch (IOException e) {
            spec.commandLine().getErr().println("symseg: --model " + model + ": " + e.getMessage());
            return Main.USAGE;
        }
        return Runs.run(spec, SegmentJob.Mode.APPLY, inputs,
                () -> ConfigLoader.loadForModel(saved.settings(), settings.config, settings.overrides()),
                out, null, saved, force, settings.quiet);
    }
}
