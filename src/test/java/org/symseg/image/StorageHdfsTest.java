package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.symseg.testing.MiniHdfs;

/** Storage's primitives keep their meaning on a real HDFS, whose rename differs from a local one. */
@ExtendWith(MiniHdfs.Shared.class)
class StorageHdfsTest {

    private static MiniHdfs hdfs;

    @BeforeAll
    static void useHdfs(MiniHdfs shared) {
        hdfs = shared;
    }

    @Test
    void replaceOntoAnExistingDirectoryReplacesIt() throws Exception {
        // HDFS renames a directory *into* an existing one; replace must not nest the new one
        hdfs.write("/replace-dir/target/old.txt", "old");
        hdfs.write("/replace-dir/.target.partial/new.txt", "new");
        Storage.replace(hdfs.uri("/replace-dir/.target.partial"), hdfs.uri("/replace-dir/target"));
        assertEquals(List.of("target/new.txt"), hdfs.files("/replace-dir"));
        assertEquals("new", new String(hdfs.read("/replace-dir/target/new.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void replaceOntoAnExistingFileReplacesIt() throws Exception {
        hdfs.write("/replace-file/manifest.json", "old");
        hdfs.write("/replace-file/.manifest.json.partial", "new");
        Storage.replace(hdfs.uri("/replace-file/.manifest.json.partial"), hdfs.uri("/replace-file/manifest.json"));
        assertEquals(List.of("manifest.json"), hdfs.files("/replace-file"));
        assertEquals("new", new String(hdfs.read("/replace-file/manifest.json"), StandardCharsets.UTF_8));
    }

    @Test
    void replaceOntoNothingMoves() throws Exception {
        hdfs.write("/replace-new/.out.partial/a.txt", "a");
        Storage.replace(hdfs.uri("/replace-new/.out.partial"), hdfs.uri("/replace-new/out"));
        assertEquals(List.of("out/a.txt"), hdfs.files("/replace-new"));
    }

    @Test
    void listedFilesStartWithTheQualifiedDirectory() throws Exception {
        hdfs.write("/listing/a/x.tif", "x");
        hdfs.write("/listing/b.tif", "b");
        String prefix = Storage.qualified(hdfs.uri("/listing")) + "/";
        List<String> files = Storage.listFiles(hdfs.uri("/listing"), true);
        files.sort(null);
        assertEquals(List.of(prefix + "a/x.tif", prefix + "b.tif"), files);
        assertEquals(List.of("b.tif"), Storage.listFiles(hdfs.uri("/listing"), false).stream()
                .map(f -> f.substring(prefix.length())).toList());
        assertEquals(hdfs.uri("/listing/b.tif"), prefix + "b.tif", "listed files keep the URI the user typed");
    }

    @Test
    void directoriesAndMissingEntries() throws Exception {
        hdfs.write("/entries/dir/file.txt", "f");
        assertTrue(Storage.isDirectory(hdfs.uri("/entries/dir")));
        assertFalse(Storage.isDirectory(hdfs.uri("/entries/dir/file.txt")));
        assertTrue(Storage.exists(hdfs.uri("/entries/dir/file.txt")));
        assertFalse(Storage.exists(hdfs.uri("/entries/none")));
        assertEquals(List.of(), Storage.list(hdfs.uri("/entries/none")));
        assertEquals(List.of("file.txt"), Storage.list(hdfs.uri("/entries/dir")));
        Storage.delete(hdfs.uri("/entries/dir"));
        assertFalse(hdfs.exists("/entries/dir"));
    }
}
