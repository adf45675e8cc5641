package org.symseg.cli;

import java.util.concurrent.Callable;
import org.symseg.config.ConfigLoader;
import org.symseg.pipeline.SegmentJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code symseg fit}: fit a model on a dataset and save it for {@code apply}. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fits a model (descriptor settings, PCA basis, pattern centres in label "
                + "order) over all inputs and saves it to MODEL/model.json, for 'symseg apply' to "
                + "segment other data with the same label meanings. Writes no label maps."})
final class FitCommand implements Callable<Integer> {

    @Mixin
    InputOptions inputs;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Where to save the model.")
    String model;

    @Mixin
    SettingOptions settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return Runs.run(spec, SegmentJob.Mode.FIT, inputs,
                () -> ConfigLoader.load(settings.config, settings.overrides()), null, model, null, false, settings.quiet);
    }
}
