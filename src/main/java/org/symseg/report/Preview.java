package org.symseg.report;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.symseg.image.ImageFormatException;
import org.symseg.image.PngWriter;
import org.symseg.image.Storage;

/**
 * Images for the run report, read back from the run's own output files and embedded as PNG data
 * URIs. An image wider or taller than the side asked for is embedded downscaled (the report links
 * the full file), and is decoded with subsampling first, so the driver never holds a huge image.
 */
final class Preview {

    private static final String PNG_URI = "data:image/png;base64,";
    private static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int PALETTE_SIZE = 256;

    private Preview() {
    }

    /** An image ready for an {@code <img>} tag: its data URI and its size in pixels. */
    record Embedded(String uri, int width, int height) {
    }

    /**
     * A picture file (PNG overlay, plot) as it should be embedded. A PNG that needs no
     * downscaling is embedded as the file's own bytes: decoding and encoding a 1024 x 1024
     * overlay again took a good part of a small run's time.
     */
    static Embedded picture(String path, int maxSide) throws IOException {
        int[] size = pngSize(path);
        if (size != null && Math.max(size[0], size[1]) <= maxSide) {
            try (InputStream in = Storage.open(path)) {
                return new Embedded(PNG_URI + Base64.getEncoder().encodeToString(in.readAllBytes()),
                        size[0], size[1]);
            }
        }
        BufferedImage image = read(path, 2 * maxSide);
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest <= maxSide) {
            return embedded(image);
        }
        // area averaging after the coarse subsampling keeps atomic lattices free of moiré
        int w = Math.max(1, (int) ((long) image.getWidth() * maxSide / longest));
        int h = Math.max(1, (int) ((long) image.getHeight() * maxSide / longest));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        small.getGraphics().drawImage(image.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        return embedded(small);
    }

    /**
     * The first page of a label map, each label in its pattern colour (nearest-neighbour). Up to
     * 256 labels it is a palette image, one byte a pixel, which encodes several times faster
     * than colour pixels and gives the same picture. An 8-bit label map (what a run of up to 256
     * patterns writes) already holds the palette's indices, and is embedded as read: checking and
     * copying its pixels one row at a time took most of the report's time in a small run.
     */
    static Embedded labels(String path, int maxSide) throws IOException {
        WritableRaster raster = read(path, maxSide).getRaster();
        IndexColorModel palette = labelPalette();
        if (palette.isCompatibleRaster(raster)) {
            return embedded(new BufferedImage(palette, raster, false, null));
        }
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] row = new int[width];
        boolean fewLabels = true;
        for (int y = 0; y < height && fewLabels; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int label : row) {
                fewLabels &= label < PALETTE_SIZE;
            }
        }
        BufferedImage out = fewLabels
                ? new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette)
                : new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        WritableRaster pixels = out.getRaster();
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            if (fewLabels) {
                pixels.setSamples(0, y, width, 1, 0, row);
            } else {
                for (int x = 0; x < width; x++) {
                    out.setRGB(x, y, Overlay.colour(row[x]));
                }
            }
        }
        return embedded(out);
    }

    private static IndexColorModel labelPalette() {
        byte[][] rgb = new byte[3][PALETTE_SIZE];
        for (int label = 0; label < PALETTE_SIZE; label++) {
            int colour = Overlay.colour(label);
            rgb[0][label] = (byte) (colour >> 16);
            rgb[1][label] = (byte) (colour >> 8);
            rgb[2][label] = (byte) colour;
        }
        return new IndexColorModel(8, PALETTE_SIZE, rgb[0], rgb[1], rgb[2]);
    }

    private static Embedded embedded(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        PngWriter.write(image, png);
        return new Embedded(PNG_URI + Base64.getEncoder().encodeToString(png.toByteArray()),
                image.getWidth(), image.getHeight());
    }

    /** Width and height from a PNG's header, or null when the file is not a PNG. */
    private static int[] pngSize(String path) throws IOException {
        byte[] head;
        try (InputStream in = Storage.open(path)) {
            head = in.readNBytes(PNG_HEADER.length + 16);
        }
        if (head.length < PNG_HEADER.length + 16
                || !Arrays.equals(Arrays.copyOf(head, PNG_HEADER.length), PNG_HEADER)) {
            return null;
        }
        // the first chunk is IHDR: length (4 bytes), type (4), then width and height (4 each)
        ByteBuffer ihdr = ByteBuffer.wrap(head, PNG_HEADER.length + 8, 8);
        return new int[] {ihdr.getInt(), ihdr.getInt()};
    }

    /** The first image of a file, subsampled so neither side exceeds about {@code maxSide}. */
    private static BufferedImage read(String path, int maxSide) throws IOException {
        try (InputStream in = Storage.open(path);
                ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new ImageFormatException("not an image symseg can read back");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
                int step = Math.max(1, (longest + maxSide - 1) / maxSide);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
