package org.symseg.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real HDFS — a name node and one data node, each on a free loopback port — inside the test
 * JVM, keeping its blocks in a temporary directory. Clients reach it by its hdfs:// URI alone.
 * Test classes share one, as a parameter: {@code @ExtendWith(MiniHdfs.Shared.class)}; it is shut
 * down, and its directory deleted, when the last test of the run has finished.
 */
public final class MiniHdfs implements AutoCloseable {

    /** Hands every test class the same started HDFS; JUnit closes it at the end of the run. */
    public static final class Shared implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == MiniHdfs.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(MiniHdfs.class, key -> {
                        try {
                            return start(Files.createTempDirectory("symseg-hdfs"));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, MiniHdfs.class);
        }
    }

    private final MiniDFSCluster cluster;
    private final FileSystem fs;

    private MiniHdfs(MiniDFSCluster cluster) throws IOException {
        this.cluster = cluster;
        this.fs = FileSystem.get(cluster.getURI(), new Configuration());
    }

    public static MiniHdfs start(Path baseDir) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().toString());
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf, baseDir.toFile()).numDataNodes(1).build();
        cluster.waitActive();
        return new MiniHdfs(cluster);
    }

    /** {@code hdfs://localhost:PORT} followed by {@code path}, which starts with a slash. */
    public String uri(String path) {
        return cluster.getURI().toString() + path;
    }

    public void upload(Path local, String path) throws IOException {
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri()), at(path));
    }

    public byte[] read(String path) throws IOException {
        try (InputStream in = fs.open(at(path))) {
            return in.readAllBytes();
        }
    }

    public void write(String path, String content) throws IOException {
        try (OutputStream out = fs.create(at(path), true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    public boolean exists(String path) throws IOException {
        return fs.exists(at(path));
    }

    public boolean isDirectory(String path) throws IOException {
        return fs.getFileStatus(at(path)).isDirectory();
    }

    /** Every file below {@code dir}, relative to it, sorted. */
    public List<String> files(String dir) throws IOException {
        String prefix = fs.makeQualified(at(dir)).toString() + "/";
        List<String> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(at(dir), true);
        while (it.hasNext()) {
            files.add(it.next().getPath().toString().substring(prefix.length()));
        }
        files.sort(null);
        return files;
    }

    private org.apache.hadoop.fs.Path at(String path) {
        return new org.apache.hadoop.fs.Path(uri(path));
    }

    /** Stops the nodes and deletes the blocks. */
    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
