package org.symseg.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Settings every run takes; unset ones come from a saved model, --config, or conf/. Also
 * {@code --quiet}, which is not a setting of the result but every run takes it.
 */
final class SettingOptions {

    @Option(names = "--k", paramLabel = "N|auto", description = "Number of patterns (default 2), "
            + "or auto: the best silhouette score between --k-min and --k-max.")
    String k;

    @Option(names = "--k-min", paramLabel = "N", description = "Smallest k tried by --k auto (default 2).")
    Integer kMin;

    @Option(names = "--k-max", paramLabel = "N", description = "Largest k tried by --k auto (default 6).")
    Integer kMax;

    @Option(names = "--descriptor", paramLabel = "KINDS", description = "Descriptor kinds, one or "
            + "several comma-separated: translation, rotation, reflection (default translation).")
    String descriptor;

    @Option(names = "--stride", paramLabel = "S", description = "Pixels between stride points (default 5).")
    Integer stride;

    @Option(names = "--patch", paramLabel = "P", description = "Patch half-size (default 20).")
    Integer patch;

    @Option(names = "--window", paramLabel = "W", description = "Translation window half-size (default 21).")
    Integer window;

    @Option(names = "--shifts", paramLabel = "N", description = "Number of translation shifts (default 100).")
    Integer shifts;

    @Option(names = "--radius", paramLabel = "R", description = "Rotation/reflection patch radius (default 20).")
    Integer radius;

    @Option(names = "--pool", paramLabel = "N", description = "Rotation/reflection max-pooling window "
            + "width, odd, about one unit cell (default 31).")
    Integer pool;

    @Option(names = "--sample-step", paramLabel = "N", description = "Rotation: score the patch on "
            + "every N-th pixel of every N-th row, odd; 3 computes them about 5 times faster, "
            + "approximately (default 1: every pixel). Reflection always scores every sample.")
    Integer sampleStep;

    @Option(names = "--angles", paramLabel = "DEG,...", description = "Rotation angles in degrees "
            + "(default 60,90,120,180).")
    String angles;

    @Option(names = "--mirrors", paramLabel = "N", description = "Number of mirror lines (default 10).")
    Integer mirrors;

    @Option(names = "--select-best", paramLabel = "N", description = "Refit on the N descriptor "
            + "channels with the best Fisher separability; 0 keeps all (default 0).")
    Integer selectBest;

    @Option(names = "--pca", paramLabel = "C", description = "Principal components kept (default 5).")
    Integer pca;

    @Option(names = "--seed", paramLabel = "N", description = "k-means seed (default 42).")
    Long seed;

    @Option(names = "--fit-sample", paramLabel = "N", description = "Fit on about N stride points "
            + "taken evenly by position instead of all of them (default 0: all).")
    Long fitSample;

    @Option(names = "--tile", paramLabel = "T", description = "Tile core size in pixels (default 512): "
            + "tiles are T tall and 2T wide while the run has a tile for every core, else T x T; "
            + "labels do not depend on it.")
    Integer tile;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
    String master;

    @Option(names = "--detector", paramLabel = "NAME", description = "Of a Velox EMD file holding "
            + "one image per detector, read the one from this detector (default: HAADF).")
    String detector;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file overriding the defaults.")
    Path config;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    Map<String, String> overrides() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("k", k);
        map.put("k-min", str(kMin));
        map.put("k-max", str(kMax));
        map.put("descriptor", descriptor);
        map.put("stride", str(stride));
        map.put("patch", str(patch));
        map.put("window", str(window));
        map.put("shifts", str(shifts));
        map.put("radius", str(radius));
        map.put("pool", str(pool));
        map.put("sample-step", str(sampleStep));
        map.put("angles", angles);
        map.put("mirrors", str(mirrors));
        map.put("select-best", str(selectBest));
        map.put("pca", str(pca));
        map.put("seed", str(seed));
        map.put("fit-sample", str(fitSample));
        map.put("tile", str(tile));
        map.put("master", master);
        map.put("detector", detector);
        return map;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
