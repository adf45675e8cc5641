package org.symseg.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.symseg.descriptor.CombinedDescriptor;
import org.symseg.descriptor.Descriptor;
import org.symseg.descriptor.PointSymmetryDescriptor;
import org.symseg.descriptor.ReflectionDescriptor;
import org.symseg.descriptor.TranslationDescriptor;

/**
 * The descriptor kinds {@code --descriptor} names, and the descriptor a configuration asks for:
 * one kind as it is, several combined ({@link CombinedDescriptor}) in the order given.
 */
public final class Descriptors {

    public static final List<String> KINDS = List.of("translation", "rotation", "reflection");

    private Descriptors() {
    }

    /** The kinds of a comma-separated list, checked: known, not repeated, at least one. */
    public static List<String> kinds(String list) {
        Set<String> kinds = new LinkedHashSet<>();
        for (String part : list.split(",", -1)) {
            String kind = part.trim();
            if (!KINDS.contains(kind) || !kinds.add(kind)) {
                throw new ConfigException("--descriptor " + list + ": must be one or more of "
                        + String.join(", ", KINDS) + ", comma-separated, each once");
            }
        }
        return List.copyOf(kinds);
    }

    public static Descriptor of(SegmentConfig config) {
        List<Descriptor> parts = new ArrayList<>();
        for (String kind : kinds(config.descriptor())) {
            parts.add(switch (kind) {
                case "translation" -> new TranslationDescriptor(config.patch(), config.window(),
                        config.shifts());
                case "rotation" -> PointSymmetryDescriptor.rotation(config.radius(), config.pool(),
                        config.sampleStep(), config.angles());
                default -> new ReflectionDescriptor(config.radius(), config.pool(), config.mirrors());
            });
        }
        return parts.size() == 1 ? parts.get(0) : new CombinedDescriptor(parts);
    }

    /** Descriptor length without building it (building a translation descriptor picks shifts). */
    static int length(SegmentConfig config) {
        int length = 0;
        for (String kind : kinds(config.descriptor())) {
            length += switch (kind) {
                case "translation" -> config.shifts();
                case "rotation" -> config.angles().size();
                default -> config.mirrors();
            };
        }
        return length;
    }
}
