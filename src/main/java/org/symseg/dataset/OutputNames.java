package org.symseg.dataset;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symseg.image.Storage;

/**
 * Where each input's outputs go under {@code --out}: its path relative to the common root of all
 * inputs, without the file extension. One input keeps just its name. Paths are normalized
 * first, so no name can climb out of the output directory; inputs whose names would collide are
 * refused rather than overwritten.
 */
public final class OutputNames {

    /** Top-level names the run itself uses under {@code --out}. */
    public static final Set<String> RESERVED = Set.of("stats", "model");

    public record Assignment(List<InputSource> sources, List<Failure> failures) {
    }

    private OutputNames() {
    }

    public static Assignment assign(List<InputSource> sources) {
        List<List<String>> segments = new ArrayList<>();
        for (InputSource source : sources) {
            segments.add(segmentsOf(source.path()));
        }
        int common = commonPrefix(segments);
        List<InputSource> named = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            InputSource source = sources.get(i);
            List<String> own = segments.get(i);
            List<String> relative = new ArrayList<>(own.subList(common, own.size()));
            boolean isFile = source.files().size() == 1 && source.files().get(0).equals(source.path());
            if (isFile) {
                relative.set(relative.size() - 1, withoutExtension(relative.get(relative.size() - 1)));
            }
            String name = String.join("/", relative);
            String clash = clash(name, taken);
            if (RESERVED.contains(relative.get(0))) {
                failures.add(new Failure(source.path(), "output name '" + name
                        + "' is reserved for the run's own " + relative.get(0) + " output"));
            } else if (clash != null) {
                failures.add(new Failure(source.path(), "output name '" + name
                        + "' collides with that of " + clash + " in this run"));
            } else {
                taken.put(name, source.path());
                named.add(source.named(name));
            }
        }
        return new Assignment(named, failures);
    }

    /** The input already holding this name, or one nested inside or around it. */
    private static String clash(String name, Map<String, String> taken) {
        for (Map.Entry<String, String> entry : taken.entrySet()) {
            String other = entry.getKey();
            if (other.equals(name) || other.startsWith(name + "/") || name.startsWith(other + "/")) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static int commonPrefix(List<List<String>> segments) {
        if (segments.isEmpty()) {
            return 0;
        }
        // every input keeps at least its own last segment
        int limit = segments.stream().mapToInt(List::size).min().orElse(1) - 1;
        int common = 0;
        while (common < limit) {
            String s = segments.get(0).get(common);
            int at = common;
            if (!segments.stream().allMatch(l -> l.get(at).equals(s))) {
                break;
            }
            common++;
        }
        return common;
    }

    /** [scheme://authority, directories..., name] of the normalized absolute path. */
    private static List<String> segmentsOf(String path) {
        URI uri = Storage.toUri(path).normalize();
        List<String> segments = new ArrayList<>();
        segments.add(uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority()));
        for (String part : uri.getPath().split("/")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        return segments;
    }

    static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
