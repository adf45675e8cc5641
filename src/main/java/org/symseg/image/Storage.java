package org.symseg.image;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * All file access goes through Hadoop's FileSystem, so inputs and outputs can be local paths,
 * {@code file://}, {@code hdfs://} or {@code s3a://} URIs alike.
 */
public final class Storage {

    /**
     * What a set of Hadoop settings made: the configuration (made on first use: loading Hadoop's
     * configuration costs commands that never touch a file) and the file systems by scheme and
     * authority.
     */
    private static final class Made {
        final Map<String, String> settings;
        Configuration conf;
        final Map<String, FileSystem> open = new HashMap<>();

        Made(Map<String, String> settings) {
            this.settings = Map.copyOf(settings);
        }
    }

    /**
     * By settings, the few sets used in this JVM: a command line's settings before Spark starts
     * and a running Spark's differ (Spark adds Hadoop settings of its own), and a JVM that runs
     * several commands on one Spark switches between them every command. Made again each time,
     * the configuration and the local file system cost a small run several milliseconds.
     */
    private static final Map<Map<String, String>, Made> MADE = new HashMap<>();
    private static final int SETS_KEPT = 4;
    private static Made current = made(Map.of());

    private Storage() {
    }

    /**
     * Hadoop settings to apply over Hadoop's own configuration files (core-site.xml and the
     * like) from now on, such as Spark's {@code spark.hadoop.*} settings without their prefix.
     * Files are then opened through file systems made with these settings, so give them before
     * any file is touched; giving the same settings again changes nothing.
     */
    public static synchronized void useSettings(Map<String, String> hadoopSettings) {
        current = made(hadoopSettings);
    }

    private static Made made(Map<String, String> settings) {
        Made made = MADE.get(settings);
        if (made == null) {
            if (MADE.size() >= SETS_KEPT) {
                // file systems not closed: a stream another thread still reads may belong to one
                MADE.clear();
            }
            made = new Made(settings);
            MADE.put(made.settings, made);
        }
        return made;
    }

    /** The Hadoop configuration in force, for libraries that open files on their own. */
    public static synchronized Configuration configuration() {
        if (current.conf == null) {
            Configuration fresh = new Configuration();
            current.settings.forEach(fresh::set);
            current.conf = fresh;
        }
        return current.conf;
    }

    public static synchronized FileSystem fileSystem(String path) {
        URI uri = toUri(path);
        String key = uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority());
        FileSystem fs = current.open.get(key);
        if (fs == null) {
            try {
                fs = open(uri);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // local files get no .crc side files: outputs are for people and other tools
            fs.setWriteChecksum(false);
            fs.setVerifyChecksum(false);
            current.open.put(key, fs);
        }
        return fs;
    }

    private static FileSystem open(URI uri) throws IOException {
        if ("file".equals(uri.getScheme())) {
            FileSystem fs = new NioLocalFileSystem();
            fs.initialize(URI.create("file:///"), configuration());
            return fs;
        }
        // not FileSystem.get: its cache keeps whatever configuration an instance was first made with
        return FileSystem.newInstance(uri, configuration());
    }

    public static Path hadoopPath(String path) {
        return new Path(toUri(path));
    }

    /** Local paths become absolute file URIs; URIs with a scheme stay as they are. */
    public static URI toUri(String path) {
        // local names may hold anything ('<', '&', quotes, '%'): only URIs are parsed as such
        if (hasScheme(path)) {
            return URI.create(path.replace(" ", "%20"));
        }
        return java.nio.file.Path.of(path).toAbsolutePath().normalize().toUri();
    }

    /**
     * A local path made absolute against this process's working directory; URIs (anything with
     * a scheme, {@code file:} included) stay as they are. Paths cross to executors, whose working
     * directory is not the driver's, so the driver resolves relative ones first.
     */
    public static String absolute(String path) {
        if (hasScheme(path)) {
            return path;
        }
        return java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
    }

    /** Whether the path is on this machine's own file system (where a small read costs little). */
    public static boolean isLocal(String path) {
        return "file".equals(toUri(path).getScheme());
    }

    /** A URI scheme of two or more letters (one letter would be a Windows drive). */
    private static boolean hasScheme(String path) {
        return path.matches("[A-Za-z][A-Za-z0-9+.-]+:.*");
    }

    public static FileStatus status(String path) throws IOException {
        try {
            return fileSystem(path).getFileStatus(hadoopPath(path));
        } catch (FileNotFoundException e) {
            throw new ImageFormatException("no such file");
        }
    }

    public static FSDataInputStream open(String path) throws IOException {
        try {
            return fileSystem(path).open(hadoopPath(path));
        } catch (FileNotFoundException e) {
            throw new ImageFormatException("no such file");
        }
    }

    public static FSDataOutputStream create(String path) throws IOException {
        return fileSystem(path).create(hadoopPath(path), true);
    }

    public static boolean exists(String path) throws IOException {
        return fileSystem(path).exists(hadoopPath(path));
    }

    public static void mkdirs(String path) throws IOException {
        fileSystem(path).mkdirs(hadoopPath(path));
    }

    public static void delete(String path) throws IOException {
        fileSystem(path).delete(hadoopPath(path), true);
    }

    /** Moves a finished temporary file or directory to its final name, replacing what was there. */
    public static void replace(String tmp, String target) throws IOException {
        FileSystem fs = fileSystem(target);
        Path to = hadoopPath(target);
        if (fs.exists(to)) {
            fs.delete(to, true);
        }
        if (!fs.rename(hadoopPath(tmp), to)) {
            throw new IOException("could not rename " + tmp + " to " + target);
        }
    }

    /** Files under {@code dir}, all levels down when {@code recursive}, as full paths. */
    public static java.util.List<String> listFiles(String dir, boolean recursive) throws IOException {
        java.util.List<String> files = new java.util.ArrayList<>();
        org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it =
                fileSystem(dir).listFiles(hadoopPath(dir), recursive);
        while (it.hasNext()) {
            files.add(display(it.next().getPath().toUri()));
        }
        return files;
    }

    /** Names of the entries (files and directories) directly in {@code dir}; none if it is missing. */
    public static java.util.List<String> list(String dir) throws IOException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try {
            for (FileStatus status : fileSystem(dir).listStatus(hadoopPath(dir))) {
                names.add(status.getPath().getName());
            }
        } catch (FileNotFoundException e) {
            // nothing there yet
        }
        return names;
    }

    public static boolean isDirectory(String path) throws IOException {
        return fileSystem(path).getFileStatus(hadoopPath(path)).isDirectory();
    }

    /** The full form of a path, as {@link #listFiles} gives the files below it. */
    public static String qualified(String path) {
        FileSystem fs = fileSystem(path);
        return display(fs.makeQualified(hadoopPath(path)).toUri());
    }

    /** Local files as plain absolute paths, other filesystems as URIs. */
    private static String display(URI uri) {
        return "file".equals(uri.getScheme()) ? uri.getPath() : uri.toString();
    }

    public static String child(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
