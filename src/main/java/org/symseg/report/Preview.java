package org.symseg.report;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.symseg.image.ImageFormatException;
import org.symseg.image.Storage;

/**
 * Images for the run report, read back from the run's own output files and embedded as PNG data
 * URIs. An image wider or taller than the side asked for is embedded downscaled (the report links
 * the full file), and is decoded with subsampling first, so the driver never holds a huge image.
 */
final class Preview {


    private Preview() {
    }

    /** A picture file (PNG overlay, plot) as it should be embedded. */
    static BufferedImage picture(String path, int maxSide) throws IOException {
        BufferedImage image = read(path, 2 * maxSide);
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest <= maxSide) {
            return image;
        }
        // area averaging after the coarse subsampling keeps atomic lattices free of moiré
        int w = Math.max(1, (int) ((long) image.getWidth() * maxSide / longest));
        int h = Math.max(1, (int) ((long) image.getHeight() * maxSide / longest));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        small.getGraphics().drawImage(image.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        return small;
    }

    /** The first page of a label map, each label in its pattern colour (nearest-neighbour). */
    static BufferedImage labels(String path, int maxSide) throws IOException {
        Raster raster = read(path, maxSide).getRaster();
        BufferedImage out = new BufferedImage(raster.getWidth(), raster.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        int[] row = new int[raster.getWidth()];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                out.setRGB(x, y, Overlay.colour(row[x]));
            }
        }
        return out;
    }

    static String dataUri(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
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
