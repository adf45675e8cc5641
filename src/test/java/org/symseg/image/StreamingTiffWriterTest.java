package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingTiffWriterTest {

    @Test
    void pagesWrittenInBandsReadBackExactly(@TempDir Path dir) throws IOException {
        for (int bits : new int[] {8, 16}) {
            int width = 77;
            int height = 101; // not a multiple of the strip height
            Random random = new Random(bits);
            short[][] pages = new short[3][width * height];
            for (short[] page : pages) {
                for (int i = 0; i < page.length; i++) {
                    // long runs, as in label maps, plus some noise
                    page[i] = (short) (random.nextInt(20) == 0 ? random.nextInt(1 << bits) : (i / 500) % 4);
                }
            }
            File file = dir.resolve("labels-" + bits + ".tif").toFile();
            try (StreamingTiffWriter writer = new StreamingTiffWriter(file, Calibration.NONE)) {
                for (short[] page : pages) {
                    writer.beginPage(width, height, bits);
                    int[] bands = {1, 40, 33, 27}; // uneven bands, as tile rows are
                    int row = 0;
                    for (int rows : bands) {
                        short[] band = new short[rows * width];
                        System.arraycopy(page, row * width, band, 0, band.length);
                        writer.writeRows(band, rows);
                        row += rows;
                    }
                    writer.endPage();
                }
            }
            TiffFrameReader reader = new TiffFrameReader();
            ImageHeader header = reader.header(file.getPath());
            assertEquals(3, header.frames());
            assertEquals(bits == 8 ? PixelType.UINT8 : PixelType.UINT16, header.type());
            for (int f = 0; f < 3; f++) {
                float[] read = reader.read(file.getPath(), f, new Rect(0, 0, width, height));
                float[] expected = new float[read.length];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = pages[f][i] & 0xffff;
                }
                assertArrayEquals(expected, read, bits + "-bit page " + f);
            }
        }
    }

    @Test
    void aPageWithMissingRowsIsRefused(@TempDir Path dir) throws IOException {
        try (StreamingTiffWriter writer = new StreamingTiffWriter(dir.resolve("x.tif").toFile(), Calibration.NONE)) {
            writer.beginPage(10, 10, 8);
            writer.writeRows(new short[50], 5);
            assertThrows(IllegalStateException.class, writer::endPage);
        }
    }
}
