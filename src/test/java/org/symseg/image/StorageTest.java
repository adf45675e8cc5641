package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {

    @Test
    void relativeLocalPathsBecomeAbsolute() {
        String cwd = Path.of("").toAbsolutePath().toString();
        assertEquals(cwd + "/test-data/x.tif", Storage.absolute("test-data/x.tif"));
        assertEquals(cwd + "/x.tif", Storage.absolute("./a/../x.tif"));
        assertEquals(cwd + "/data/*.tif", Storage.absolute("data/*.tif"));
        assertEquals("/data/x.tif", Storage.absolute("/data/x.tif"));
    }

    @Test
    void urisStayAsTyped() {
        for (String uri : new String[] {"hdfs://nn:8020/in/x.tif", "hdfs:///in/*.tif", "s3a://bucket/k.tif",
            "file:/tmp/x.tif", "file:///tmp/x.tif"}) {
            assertEquals(uri, Storage.absolute(uri));
        }
    }

    @Test
    void localFilesAndDirectoriesGetHadoopsModes(@TempDir Path dir) throws IOException {
        Path sub = dir.resolve("a/b");
        Storage.mkdirs(sub.toString());
        try (OutputStream out = Storage.create(sub.resolve("x.txt").toString())) {
            out.write(1);
        }
        // Hadoop's default umask, 022, on its default modes 0777 and 0666
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(sub)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(sub.resolve("x.txt"))));
        assertEquals("rwxr-x-w-", PosixFilePermissions.toString(NioLocalFileSystem.posix(0752)));
    }

    @Test
    void hadoopSettingsGivenAtRunTimeApply(@TempDir Path dir) throws IOException {
        Map<String, String> groupOnly = Map.of("fs.permissions.umask-mode", "027");
        FileSystem group;
        try {
            Storage.useSettings(groupOnly);
            group = Storage.fileSystem(dir.toString());
            write(dir.resolve("group/x.txt"));
            assertEquals("rwxr-x---", mode(dir.resolve("group")));
            assertEquals("rw-r-----", mode(dir.resolve("group/x.txt")));
        } finally {
            Storage.useSettings(Map.of());
        }
        FileSystem plain = Storage.fileSystem(dir.toString());
        assertNotSame(group, plain);
        write(dir.resolve("default/x.txt"));
        assertEquals("rw-r--r--", mode(dir.resolve("default/x.txt")));
        // settings given again find the file systems they made before, settings and all
        try {
            Storage.useSettings(new java.util.HashMap<>(groupOnly));
            assertSame(group, Storage.fileSystem(dir.toString()));
            write(dir.resolve("again/x.txt"));
            assertEquals("rw-r-----", mode(dir.resolve("again/x.txt")));
        } finally {
            Storage.useSettings(Map.of());
        }
        assertSame(plain, Storage.fileSystem(dir.toString()));
    }

    private static void write(Path file) throws IOException {
        Storage.mkdirs(file.getParent().toString());
        try (OutputStream out = Storage.create(file.toString())) {
            out.write(1);
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
