package org.symseg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** PNGs as any reader sees them: ImageIO's decoder gives back every pixel. */
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
        assertReadsBackTheSame(image);
    }

    @Test
    void writesPaletteImagesAndOtherLayoutsAndLargeImagesInSeveralChunks() throws Exception {
        byte[] reds = new byte[256];
        byte[] greens = new byte[256];
        byte[] blues = new byte[256];
        for (int i = 0; i < 256; i++) {
            reds[i] = (byte) i;
            greens[i] = (byte) (255 - i);
            blues[i] = (byte) (i * 7);
        }
        BufferedImage indexed = new BufferedImage(33, 20, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, reds, greens, blues));
        Random random = new Random(4);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 33; x++) {
                indexed.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        assertReadsBackTheSame(indexed);
        BufferedImage bgr = new BufferedImage(21, 13, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 13; y++) {
            for (int x = 0; x < 21; x++) {
                bgr.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        assertReadsBackTheSame(bgr);
        // noise does not compress: about 3 MB of data, dozens of IDAT chunks
        BufferedImage noise = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 1000; x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        assertReadsBackTheSame(noise);
    }

    /**
     * A large image is deflated in bands, several at once: the bands must still make one zlib
     * stream, whose checksum the inflater verifies, holding every row.
     */
    @Test
    void bandsDeflatedApartMakeOneStreamWithItsChecksum() throws Exception {
        byte[] greys = new byte[256];
        for (int i = 0; i < 256; i++) {
            greys[i] = (byte) i;
        }
        int w = 1500;
        int h = 1100;
        BufferedImage indexed = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, greys, greys, greys));
        Random random = new Random(5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // flat bands between noisy ones, so that bands compress to different lengths
                indexed.getRaster().setSample(x, y, 0, (y / 300) % 2 == 0 ? random.nextInt(256) : x % 7);
            }
        }
        assertReadsBackTheSame(indexed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.write(indexed, out);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(out.toByteArray()));
        in.skipBytes(8);
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        while (true) {
            int length = in.readInt();
            String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
            byte[] content = in.readNBytes(length);
            in.readInt();
            if (type.equals("IDAT")) {
                zlib.write(content);
            } else if (type.equals("IEND")) {
                break;
            }
        }
        Inflater inflater = new Inflater();
        inflater.setInput(zlib.toByteArray());
        byte[] raw = new byte[h * (1 + w) + 1];
        int n = 0;
        while (!inflater.finished() && n < raw.length) {
            n += inflater.inflate(raw, n, raw.length - n);
        }
        assertTrue(inflater.finished());
        assertEquals(h * (1 + w), n);
        assertEquals(0, inflater.getRemaining());
    }

    /** Read back by ImageIO, whether deflated as flat colour or as a noisy picture. */
    private static void assertReadsBackTheSame(BufferedImage image) throws Exception {
        for (PngWriter.Content content : PngWriter.Content.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PngWriter.write(image, out, content);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(image.getWidth(), back.getWidth());
            assertEquals(image.getHeight(), back.getHeight());
            int w = image.getWidth();
            int h = image.getHeight();
            assertArrayEquals(image.getRGB(0, 0, w, h, null, 0, w), back.getRGB(0, 0, w, h, null, 0, w),
                    content.name());
        }
    }
}
