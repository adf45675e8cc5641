package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
