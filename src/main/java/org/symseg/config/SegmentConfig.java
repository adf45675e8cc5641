package org.symseg.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symseg.descriptor.Descriptor;
import org.symseg.descriptor.ReflectionDescriptor;

/**
 * The effective settings of a run: defaults from {@code conf/symseg.properties}, then a
 * {@code --config} file, then command-line options. Validated before Spark starts.
 * {@code k} is the number of patterns, or {@link #AUTO_K} ({@code --k auto}): choose it between
 * {@code kMin} and {@code kMax} on the fit's points.
 */
public record SegmentConfig(int k, int kMin, int kMax, String descriptor, int stride, int patch,
        int window, int shifts, int radius, int pool, int sampleStep, List<Double> angles, int mirrors,
        int pca, int selectBest, long seed, long fitSample, int tile, String master, String detector)
        implements Serializable {

    /** The value of {@code k} that stands for {@code --k auto}. */
    public static final int AUTO_K = 0;
    /** Largest k that {@code --k auto} tries: each candidate is a k-means fit of its own. */
    public static final int MAX_AUTO_K = 20;

    /** Checks every value; the message names the option, the value and what is allowed. */
    public SegmentConfig validate() {
        require(k == AUTO_K || k >= 1 && k <= 65535, "--k", k, "must be between 1 and 65535, or auto");
        require(kMin >= 2 && kMin <= MAX_AUTO_K, "--k-min", kMin, "must be between 2 and " + MAX_AUTO_K);
        require(kMax >= kMin && kMax <= MAX_AUTO_K, "--k-max", kMax,
                "must be between --k-min " + kMin + " and " + MAX_AUTO_K);
        Descriptors.kinds(descriptor);
        require(stride >= 1, "--stride", stride, "must be at least 1");
        require(patch >= 0, "--patch", patch, "must be 0 or more (it is the patch half-size)");
        require(window >= 1, "--window", window, "must be at least 1");
        long available = (2L * window + 1) * (2L * window + 1) - 1;
        require(shifts >= 1 && shifts <= available, "--shifts", shifts,
                "must be between 1 and " + available + " for --window " + window);
        require(radius >= 1, "--radius", radius, "must be at least 1");
        require(radius <= ReflectionDescriptor.MAX_RADIUS || !Descriptors.kinds(descriptor).contains("reflection"),
                "--radius", radius, "must be at most " + ReflectionDescriptor.MAX_RADIUS + " for reflection");
        require(pool >= 1 && pool % 2 == 1, "--pool", pool, "must be an odd number of pixels, 1 or more");
        require(sampleStep >= 1 && sampleStep % 2 == 1 && sampleStep <= radius, "--sample-step", sampleStep,
                "must be odd, 1 or more and at most --radius " + radius);
        require(!angles.isEmpty() && angles.stream().allMatch(a -> a > 0 && a < 360), "--angles",
                anglesText(), "must be one or more angles in degrees, each above 0 and below 360");
        require(mirrors >= 1 && mirrors <= 360, "--mirrors", mirrors, "must be between 1 and 360");
        int length = Descriptors.length(this);
        require(pca >= 1 && pca <= length, "--pca", pca,
                "must be between 1 and the descriptor length " + length);
        require(selectBest == 0 || (selectBest >= pca && selectBest <= length), "--select-best",
                selectBest, "must be 0 (keep every channel) or between --pca " + pca
                        + " and the descriptor length " + length);
        require(fitSample >= 0, "--fit-sample", fitSample, "must be 0 (all points) or more");
        require(tile >= 1, "--tile", tile, "must be at least 1");
        require(master != null && !master.isBlank(), "--master", master, "must not be empty");
        return this;
    }

    private static void require(boolean ok, String option, Object value, String rule) {
        if (!ok) {
            throw new ConfigException(option + " " + value + ": " + rule);
        }
    }

    public SegmentConfig withPca(int components) {
        return new SegmentConfig(k, kMin, kMax, descriptor, stride, patch, window, shifts, radius,
                pool, sampleStep, angles, mirrors, components, selectBest, seed, fitSample, tile, master,
                detector);
    }

    public Descriptor createDescriptor() {
        return Descriptors.of(this);
    }

    /** The rotation angles as written in a configuration file: comma-separated degrees. */
    public String anglesText() {
        return String.join(",", angles.stream().map(a -> a == Math.rint(a)
                ? String.valueOf(a.longValue()) : a.toString()).toList());
    }

    /**
     * The settings that decide a descriptor's values, as configuration keys and values, for the
     * kinds in use only: a model only fits data described alike.
     */
    public Map<String, Object> descriptorSettings() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("descriptor", descriptor);
        List<String> kinds = Descriptors.kinds(descriptor);
        if (kinds.contains("translation")) {
            map.put("patch", patch);
            map.put("window", window);
            map.put("shifts", shifts);
        }
        if (kinds.contains("rotation") || kinds.contains("reflection")) {
            map.put("radius", radius);
            map.put("pool", pool);
            // only when not every pixel, so that the settings hash of exact runs stays as it was
            if (sampleStep != 1 && kinds.contains("rotation")) {
                map.put("sample-step", sampleStep);
            }
        }
        if (kinds.contains("rotation")) {
            map.put("angles", anglesText());
        }
        if (kinds.contains("reflection")) {
            map.put("mirrors", mirrors);
            // mirrors scored on grids turned to their lines, not on the pixel grid as before: models
            // and outputs of the earlier reflection descriptor are not reused
            map.put("mirror-grid", "turned");
        }
        return map;
    }

    /** Everything that decides the labels: descriptor settings, stride and the fit's settings. */
    public Map<String, Object> resultSettings() {
        Map<String, Object> map = descriptorSettings();
        map.put("stride", stride);
        putK(map);
        map.put("pca", pca);
        map.put("select-best", selectBest);
        map.put("seed", seed);
        map.put("fit-sample", fitSample);
        // only when given, so that the settings hash of runs on other inputs stays as it was
        if (!detector.isEmpty()) {
            map.put("detector", detector);
        }
        return map;
    }

    /** Hash of {@link #resultSettings()}: equal hashes, equal labels for equal data. */
    public String settingsHash() {
        try {
            return org.symseg.dataset.Json.sha256(resultSettings());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** All settings, as written to the manifest. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        putK(map);
        map.put("descriptor", descriptor);
        map.put("stride", stride);
        map.put("patch", patch);
        map.put("window", window);
        map.put("shifts", shifts);
        map.put("radius", radius);
        map.put("pool", pool);
        map.put("sample-step", sampleStep);
        map.put("angles", angles);
        map.put("mirrors", mirrors);
        map.put("pca", pca);
        map.put("select-best", selectBest);
        map.put("seed", seed);
        map.put("fit-sample", fitSample);
        map.put("tile", tile);
        map.put("master", master);
        map.put("detector", detector);
        return map;
    }

    public boolean autoK() {
        return k == AUTO_K;
    }

    /** k as the user gives it; the range only matters, and so only appears, for auto. */
    private void putK(Map<String, Object> map) {
        map.put("k", autoK() ? "auto" : k);
        if (autoK()) {
            map.put("k-min", kMin);
            map.put("k-max", kMax);
        }
    }
}
