package org.symseg.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.symseg.image.Storage;
import org.symseg.image.TiffWriter;
import org.symseg.synth.LargeScene;
import org.symseg.synth.Preset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code symseg synth}: writes the synthetic test images and their ground truth. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generates synthetic atomic-resolution images: lattices of Gaussian atoms "
                + "in several domains, with noise. Writes OUT/NAME.tif and its ground truth "
                + "OUT/truth/NAME.tif (domain index per pixel).",
            "Presets: two-phase, two-phase-series, three-grains, grain-boundary (default: all)."})
final class SynthCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "PRESET", description = "Presets to write.")
    List<String> presets = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    String out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Noise seed (default 1).")
    long seed;

    @Option(names = "--large", paramLabel = "SIZE", description = "Instead of presets, write "
            + "OUT/large-SIZE.tif: a SIZE x SIZE two-phase scene, 32-bit float in 512-pixel tiles, "
            + "made tile by tile (benchmark input; 16384 gives 1 GiB). Local OUT only.")
    Integer large;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (large != null) {
            if (large < 16 || large > 30000) {
                spec.commandLine().getErr().println("symseg: --large " + large + ": must be between 16 and 30000");
                return Main.USAGE;
            }
            java.io.File target = new java.io.File(out, "large-" + large + ".tif");
            target.getParentFile().mkdirs();
            LargeScene.write(target, large, seed);
            spec.commandLine().getOut().println("wrote " + target);
            return 0;
        }
        List<Preset> chosen = new ArrayList<>();
        for (String name : presets) {
            try {
                chosen.add(Preset.named(name));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("symseg: " + e.getMessage() + "; choose from "
                        + Arrays.stream(Preset.values()).map(Preset::fileName).toList());
                return Main.USAGE;
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(Arrays.asList(Preset.values()));
        }
        for (Preset preset : chosen) {
            Preset.Sample sample = preset.generate(seed);
            List<BufferedImage> frames = new ArrayList<>();
            List<BufferedImage> truth = new ArrayList<>();
            for (int f = 0; f < sample.frames().size(); f++) {
                frames.add(TiffWriter.grey(sample.frames().get(f), preset.width(), preset.height(),
                        preset.type()));
                truth.add(TiffWriter.labels(sample.truth().get(f), preset.width(), preset.height(),
                        preset.domainCount()));
            }
            write(Storage.child(out, preset.fileName() + ".tif"), frames);
            write(Storage.child(Storage.child(out, "truth"), preset.fileName() + ".tif"), truth);
            spec.commandLine().getOut().println("wrote " + Storage.child(out, preset.fileName() + ".tif"));
        }
        return 0;
    }

    private static void write(String path, List<BufferedImage> pages) throws IOException {
        try (OutputStream stream = Storage.create(path)) {
            TiffWriter.write(stream, pages);
        }
    }
}
