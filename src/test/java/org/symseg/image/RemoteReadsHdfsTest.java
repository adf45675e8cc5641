package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.testing.MiniHdfs;
import org.symseg.testing.VeloxFixture;

/**
 * On a remote file system, reads are joined differently than on a local disk (rows across wider
 * gaps, compressed blocks and HDF5 through windows): a real HDFS gives the same pixels as the
 * local copy of each file.
 */
@ExtendWith(MiniHdfs.Shared.class)
class RemoteReadsHdfsTest {

    private static final int W = 300;
    private static final int H = 200;
    private static MiniHdfs hdfs;

    @TempDir
    Path dir;

    @BeforeAll
    static void useHdfs(MiniHdfs shared) {
        hdfs = shared;
    }

    private static double[] values() {
        double[] v = new double[W * H];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919L) % 65536;
        }
        return v;
    }

    @Test
    void tiffRegionsMatchTheLocalFile() throws IOException {
        List<double[]> pages = List.of(values(), values());
        int[][] layouts = {{TiffFixture.NONE, 0, H}, {TiffFixture.LZW, 0, 3}, {TiffFixture.DEFLATE, 32, 0},
            {TiffFixture.PACKBITS, 0, 7}};
        for (int[] layout : layouts) {
            String name = "c" + layout[0] + "-t" + layout[1] + ".tif";
            Path local = dir.resolve(name);
            Files.write(local, new TiffFixture(ByteOrder.LITTLE_ENDIAN, false, StoredType.UINT16, layout[0], layout[1],
                    layout[2]).write(W, H, pages));
            assertSameRegions(local, "/remote-reads/" + name);
        }
    }

    @Test
    void veloxRegionsMatchTheLocalFile() throws IOException {
        float[] pixels = new float[W * H];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 31) % 30000;
        }
        Path local = VeloxFixture.write(dir.resolve("image.emd"),
                List.of(new VeloxFixture.Image("a1", "HAADF", VeloxFixture.rows(pixels, W, H))));
        assertSameRegions(local, "/remote-reads/image.emd");
    }

    private static void assertSameRegions(Path local, String remote) throws IOException {
        hdfs.upload(local, remote);
        FrameReader reader = new AnyFormatReader();
        int frames = reader.header(local.toString()).frames();
        for (Rect region : List.of(new Rect(0, 0, W, H), new Rect(37, 11, 150, 170), new Rect(W - 5, H - 9, 5, 9))) {
            assertArrayEquals(reader.read(local.toString(), frames - 1, region),
                    reader.read(hdfs.uri(remote), frames - 1, region), remote + " " + region);
        }
    }
}
