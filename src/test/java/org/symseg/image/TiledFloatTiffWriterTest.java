package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiledFloatTiffWriterTest {

    @Test
    void tilesWrittenOutOfOrderReadBackWholeAndByRegion(@TempDir Path dir) throws IOException {
        int width = 70;
        int height = 45; // partial tiles at the right and bottom
        int tile = 32;
        float[] image = new float[width * height];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) Math.sin(i * 0.37) * 1000f - 250.5f; // negative values too
        }
        String path = dir.resolve("tiled.tif").toString();
        try (TiledFloatTiffWriter writer = new TiledFloatTiffWriter(dir.resolve("tiled.tif").toFile(),
                width, height, tile)) {
            for (int ty = 1; ty >= 0; ty--) {
                for (int tx = 2; tx >= 0; tx--) {
                    float[] samples = new float[tile * tile];
                    for (int y = 0; y < tile && ty * tile + y < height; y++) {
                        for (int x = 0; x < tile && tx * tile + x < width; x++) {
                            samples[y * tile + x] = image[(ty * tile + y) * width + tx * tile + x];
                        }
                    }
                    writer.writeTile(tx, ty, samples);
                }
            }
        }
        TiffFrameReader reader = new TiffFrameReader();
        ImageHeader header = reader.header(path);
        assertEquals(PixelType.FLOAT32, header.type());
        assertArrayEquals(image, reader.read(path, 0, new Rect(0, 0, width, height)));
        Rect region = new Rect(20, 10, 40, 30);
        float[] expected = new float[region.width() * region.height()];
        for (int y = 0; y < region.height(); y++) {
            System.arraycopy(image, (region.y() + y) * width + region.x(), expected, y * region.width(),
                    region.width());
        }
        assertArrayEquals(expected, reader.read(path, 0, region));
    }
}
