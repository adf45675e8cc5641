package org.symseg.dataset;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.symseg.image.AnyFormatReader;
import org.symseg.image.Storage;

/**
 * Turns what the user typed into the run's inputs: plain files, directories (every image file
 * below them), globs with {@code *}, {@code ?}, {@code [..]}, {@code {a,b}} and {@code **}
 * (any number of directories, none included), and series directories (their image files, in
 * natural order, are the frames of one input).
 */
public final class InputExpander {

    /** The inputs found, and the arguments that found none. */
    public record Expansion(List<InputSource> sources, List<Failure> failures) {
    }

    private InputExpander() {
    }

    public static Expansion expand(List<String> arguments, List<String> seriesDirectories) {
        List<InputSource> sources = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String argument : arguments) {
            try {
                if (isGlob(argument)) {
                    addAll(sources, failures, argument, glob(argument), "no files match");
                } else if (isDirectory(argument)) {
                    addAll(sources, failures, argument, images(argument, true), "no image files in directory");
                } else {
                    sources.add(InputSource.file(argument));
                }
            } catch (IOException e) {
                failures.add(new Failure(argument, "cannot list (" + e.getMessage() + ")"));
            }
        }
        for (String directory : seriesDirectories) {
            try {
                List<String> frames = images(directory, false);
                frames.sort((a, b) -> NaturalOrder.INSTANCE.compare(fileName(a), fileName(b)));
                if (frames.isEmpty()) {
                    failures.add(new Failure(directory, "series directory holds no image files"));
                } else {
                    sources.add(new InputSource(null, directory, frames));
                }
            } catch (FileNotFoundException e) {
                failures.add(new Failure(directory, "no such series directory"));
            } catch (IOException e) {
                failures.add(new Failure(directory, "cannot list (" + e.getMessage() + ")"));
            }
        }
        return new Expansion(sources, failures);
    }

    private static void addAll(List<InputSource> sources, List<Failure> failures, String argument,
            List<String> files, String whenEmpty) {
        if (files.isEmpty()) {
            failures.add(new Failure(argument, whenEmpty));
        }
        files.sort(NaturalOrder.INSTANCE);
        files.forEach(f -> sources.add(InputSource.file(f)));
    }

    static boolean isGlob(String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static boolean isDirectory(String path) {
        try {
            return Storage.isDirectory(path);
        } catch (IOException e) {
            return false; // a missing file is reported when its header is read
        }
    }

    private static List<String> images(String directory, boolean recursive) throws IOException {
        if (!Storage.isDirectory(directory)) {
            throw new FileNotFoundException(directory);
        }
        List<String> files = new ArrayList<>();
        for (String file : Storage.listFiles(directory, recursive)) {
            if (isImageName(file)) {
                files.add(file);
            }
        }
        return files;
    }

    private static List<String> glob(String pattern) throws IOException {
        int firstWildcard = 0;
        while (!isGlob(pattern.substring(firstWildcard, firstWildcard + 1))) {
            firstWildcard++;
        }
        int slash = pattern.lastIndexOf('/', firstWildcard);
        String base = slash < 0 ? "." : globBase(pattern.substring(0, slash));
        String rest = pattern.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        // "**/" also matches no directory at all, as in shells with globstar
        PathMatcher shallow = FileSystems.getDefault().getPathMatcher("glob:" + rest.replace("**/", ""));
        List<String> files = new ArrayList<>();
        if (!isDirectory(base)) {
            return files;
        }
        String prefix = directoryPrefix(base);
        for (String file : Storage.listFiles(base, true)) {
            if (!file.startsWith(prefix)) {
                continue;
            }
            String relative = file.substring(prefix.length());
            Path candidate = Path.of(relative);
            if (matcher.matches(candidate) || shallow.matches(candidate)) {
                files.add(slash < 0 ? relative : Storage.child(base, relative));
            }
        }
        return files;
    }

    /**
     * The directory before a glob's last fixed slash. A filesystem's root keeps its slash:
     * {@code /*.tif} lists "/", and {@code hdfs://nn:8020/*.tif} or {@code s3a://bucket/*.tif}
     * list "hdfs://nn:8020/" or "s3a://bucket/", as a URI without a path names no directory.
     */
    static String globBase(String beforeSlash) {
        int scheme = beforeSlash.indexOf("://");
        boolean root = beforeSlash.isEmpty() || beforeSlash.endsWith(":")
                || scheme > 0 && beforeSlash.indexOf('/', scheme + 3) < 0;
        return root ? beforeSlash + "/" : beforeSlash;
    }

    /** How listed files under {@code base} begin, so the part the glob must match can be cut off. */
    private static String directoryPrefix(String base) throws IOException {
        String listed = Storage.qualified(base);
        return listed.endsWith("/") ? listed : listed + "/";
    }

    static boolean isImageName(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 && AnyFormatReader.FILE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String fileName(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
