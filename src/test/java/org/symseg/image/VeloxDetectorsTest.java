package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.testing.VeloxFixture;
import org.symseg.testing.VeloxFixture.Image;

/** Of a Velox file holding one image per detector, the chosen detector's image is read. */
class VeloxDetectorsTest {

    @TempDir
    Path dir;

    private static short[][] filled(int width, int height, int value) {
        short[][] rows = new short[height][width];
        for (short[] row : rows) {
            java.util.Arrays.fill(row, (short) value);
        }
        return rows;
    }

    private String file(String name, Image... images) {
        return VeloxFixture.write(dir.resolve(name), List.of(images)).toString();
    }

    @Test
    void haadfByDefaultAnyOtherByName() throws IOException {
        // BF comes first by group name, as the random IDs of a real file may order them
        String path = file("stem.emd", new Image("0aa", "BF", filled(5, 4, 7)),
                new Image("1bb", "DF4", filled(6, 3, 8)), new Image("2cc", "HAADF", filled(5, 4, 9)));
        Rect whole = new Rect(0, 0, 5, 4);
        assertArrayEquals(new float[20], subtract(new AnyFormatReader().read(path, 0, whole), 9), "HAADF");
        assertEquals(6, new AnyFormatReader("df4").header(path).width(), "the DF4 image, any case");
        assertArrayEquals(new float[20], subtract(new AnyFormatReader("BF").read(path, 0, whole), 7), "BF");
        assertEquals(0.05, new AnyFormatReader("BF").header(path).calibration().pixelWidth(), 1e-12);

        ImageFormatException absent = assertThrows(ImageFormatException.class,
                () -> new AnyFormatReader("DF2").header(path));
        assertEquals("holds 3 images, from detectors BF, DF4, HAADF, and none from DF2: choose one with --detector",
                absent.getMessage());
    }

    /**
     * A contiguous image is read straight from the file, not through jhdf (which reads a region
     * one pixel at a time): each detector's own pixels, and a region's.
     */
    @Test
    void regionsOfEachDetectorsImageReadStraightFromTheFile() throws IOException {
        short[][] haadf = new short[30][40];
        short[][] bf = new short[30][40];
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                haadf[y][x] = (short) (y * 40 + x);
                bf[y][x] = (short) (30000 - y * 40 - x);
            }
        }
        String path = file("regions.emd", new Image("0aa", "BF", bf), new Image("1bb", "HAADF", haadf));
        Rect region = new Rect(7, 5, 20, 13);
        for (int round = 0; round < 2; round++) {
            float[] h = new AnyFormatReader().read(path, 0, region);
            float[] b = new AnyFormatReader("BF").read(path, 0, region);
            for (int y = 0; y < region.height(); y++) {
                for (int x = 0; x < region.width(); x++) {
                    int i = y * region.width() + x;
                    assertEquals(haadf[region.y() + y][region.x() + x], h[i], 0, "HAADF at " + i);
                    assertEquals(bf[region.y() + y][region.x() + x], b[i], 0, "BF at " + i);
                }
            }
        }
    }

    @Test
    void withoutHaadfTheChoiceIsTheUsers() throws IOException {
        String path = file("no-haadf.emd", new Image("0aa", "BF", filled(5, 4, 7)),
                new Image("1bb", "DF4", filled(5, 4, 8)));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> new AnyFormatReader().header(path));
        assertEquals("holds 2 images, from detectors BF, DF4, and none from HAADF: choose one with --detector",
                e.getMessage());
        String single = file("single.emd", new Image("0aa", "BF", filled(5, 4, 7)));
        assertEquals(5, new AnyFormatReader("DF2").header(single).width(), "a single image, whatever its detector");
    }

    private static float[] subtract(float[] values, float minus) {
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= minus;
        }
        return out;
    }
}
