package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngWriterTest {

    @Test
    void writesAPngThatReadsBackPixelForPixel() throws Exception {
        BufferedImage image = new BufferedImage(97, 61, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                // smooth grey with noise and a coloured band, as in an overlay
                int grey = Math.min(255, x + y + random.nextInt(20));
                image.setRGB(x, y, x > 40 && x < 60 ? grey << 16 : grey * 0x010101);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.write(image, out);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(image.getWidth(), back.getWidth());
        assertEquals(image.getHeight(), back.getHeight());
        int w = image.getWidth();
        int h = image.getHeight();
        assertArrayEquals(image.getRGB(0, 0, w, h, null, 0, w), back.getRGB(0, 0, w, h, null, 0, w));
    }
}
