package org.symseg.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Builds a {@link SegmentConfig}: the packaged defaults (a copy of {@code conf/symseg.properties}),
 * overridden by an optional file and then by options the user gave.
 */
public final class ConfigLoader {

    private static final String DEFAULTS = "/symseg.properties";

    private ConfigLoader() {
    }

    public static SegmentConfig load(Path file, Map<String, String> overrides) {
        return load(Map.of(), file, overrides);
    }

    /**
     * With a saved model's settings layered over the defaults, beneath the file and the options,
     * so {@code apply} uses the model's settings unless told otherwise; a descriptor setting that
     * then differs from the model's is refused, naming the option.
     */
    public static SegmentConfig loadForModel(Map<String, Object> modelSettings, Path file,
            Map<String, String> overrides) {
        SegmentConfig config = load(modelSettings, file, overrides);
        // both sides in full: a setting left out at its default (sample-step 1) still counts
        SegmentConfig model = load(modelSettings, null, Map.of());
        Map<String, Object> ours = config.descriptorSettings();
        Map<String, Object> theirs = model.descriptorSettings();
        for (String key : theirs.keySet()) {
            // a model saved with all of its descriptor settings lacks one only if an earlier
            // version of symseg, whose descriptors differed, fitted it
            if (!modelSettings.containsKey(key)) {
                throw new ConfigException("--model: fitted by an earlier symseg, without the descriptor setting "
                        + key + " " + theirs.get(key) + "; fit it again");
            }
        }
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(ours.keySet());
        keys.addAll(theirs.keySet());
        for (String key : keys) {
            Object value = ours.getOrDefault(key, config.asMap().get(key));
            Object fitted = theirs.getOrDefault(key, model.asMap().get(key));
            if (!String.valueOf(fitted).equals(String.valueOf(value))) {
                throw new ConfigException("--" + key + " " + value + ": the model was fitted with "
                        + key + " " + fitted + "; descriptor settings must match the model's");
            }
        }
        return config;
    }

    private static SegmentConfig load(Map<String, Object> base, Path file, Map<String, String> overrides) {
        Properties props = defaults();
        java.util.Set<String> given = new java.util.HashSet<>(base.keySet());
        base.forEach((key, value) -> props.setProperty(key, String.valueOf(value)));
        if (file != null) {
            Properties fromFile = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                fromFile.load(reader);
            } catch (IOException e) {
                throw new ConfigException("--config " + file + ": cannot read (" + e.getMessage() + ")");
            }
            fromFile.stringPropertyNames().forEach(key -> {
                given.add(key);
                props.setProperty(key, fromFile.getProperty(key));
            });
        }
        overrides.forEach((key, value) -> {
            if (value != null) {
                given.add(key);
                props.setProperty(key, value);
            }
        });
        SegmentConfig config = new SegmentConfig(
                patternCount(props),
                integer(props, "k-min"),
                integer(props, "k-max"),
                text(props, "descriptor"),
                integer(props, "stride"),
                integer(props, "patch"),
                integer(props, "window"),
                integer(props, "shifts"),
                integer(props, "radius"),
                integer(props, "pool"),
                integer(props, "sample-step"),
                angles(props, "angles"),
                integer(props, "mirrors"),
                integer(props, "pca"),
                integer(props, "select-best"),
                longValue(props, "seed"),
                longValue(props, "fit-sample"),
                integer(props, "tile"),
                text(props, "master"),
                text(props, "detector"));
        return (given.contains("pca") ? config : withinDescriptor(config)).validate();
    }

    /**
     * The default number of components, cut to the descriptor's length when that is shorter
     * (rotation alone has one channel per angle); a number the user gave is checked instead.
     */
    private static SegmentConfig withinDescriptor(SegmentConfig config) {
        int length;
        try {
            length = Descriptors.length(config);
        } catch (RuntimeException e) {
            return config; // validate() names what is wrong
        }
        return config.pca() > length ? config.withPca(length) : config;
    }

    public static Properties defaults() {
        Properties props = new Properties();
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("default configuration " + DEFAULTS + " missing from the jar");
            }
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read default configuration", e);
        }
        return props;
    }

    private static String text(Properties props, String key) {
        String value = props.getProperty(key);
        if (value == null) {
            throw new ConfigException("--" + key + ": no value given and no default");
        }
        return value.trim();
    }

    private static int patternCount(Properties props) {
        String value = text(props, "k");
        if (value.equalsIgnoreCase("auto")) {
            return SegmentConfig.AUTO_K;
        }
        try {
            int k = Integer.parseInt(value);
            if (k == SegmentConfig.AUTO_K) {
                throw new ConfigException("--k 0: must be between 1 and 65535, or auto");
            }
            return k;
        } catch (NumberFormatException e) {
            throw new ConfigException("--k " + value + ": must be a whole number or auto");
        }
    }

    private static java.util.List<Double> angles(Properties props, String key) {
        String value = text(props, key);
        java.util.List<Double> angles = new java.util.ArrayList<>();
        for (String part : value.split(",", -1)) {
            try {
                angles.add(Double.parseDouble(part.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException("--" + key + " " + value
                        + ": not a comma-separated list of angles in degrees");
            }
        }
        return java.util.List.copyOf(angles);
    }

    private static int integer(Properties props, String key) {
        long value = longValue(props, key);
        if (value != (int) value) {
            throw new ConfigException("--" + key + " " + value + ": too large");
        }
        return (int) value;
    }

    private static long longValue(Properties props, String key) {
        String value = text(props, key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("--" + key + " " + value + ": not a whole number");
        }
    }
}
