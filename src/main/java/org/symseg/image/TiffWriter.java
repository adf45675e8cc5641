package org.symseg.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes greyscale TIFF, one page per image, LZW-compressed (read by Fiji and tifffile alike),
 * from images held in memory: test data and synthetic images. Label maps are streamed by
 * {@link StreamingTiffWriter}.
 */
public final class TiffWriter {

    private TiffWriter() {
    }

    public static void write(OutputStream out, List<BufferedImage> pages) throws IOException {
        ImageWriter writer = jdkTiffWriter();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** The JDK's own TIFF writer: unlike TwelveMonkeys' it also writes 32-bit float samples. */
    private static ImageWriter jdkTiffWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.plugins.tiff.")) {
                return writer;
            }
        }
        throw new IllegalStateException("the JDK's TIFF writer is missing");
    }

    /** A label map as an 8-bit image when the labels fit, else 16-bit. */
    public static BufferedImage labels(short[] labels, int width, int height, int labelCount) {
        PixelType type = labelCount <= 256 ? PixelType.UINT8 : PixelType.UINT16;
        BufferedImage image = blank(width, height, type);
        image.getRaster().setSamples(0, 0, width, height, 0, toInts(labels));
        return image;
    }

    /** Samples as an image of the given type; for integer types they must already be whole numbers in range. */
    public static BufferedImage grey(float[] samples, int width, int height, PixelType type) {
        BufferedImage image = blank(width, height, type);
        image.getRaster().setSamples(0, 0, width, height, 0, samples);
        return image;
    }

    private static BufferedImage blank(int width, int height, PixelType type) {
        return switch (type) {
            case UINT8 -> new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            case UINT16 -> new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
            case INT16 -> custom(width, height, DataBuffer.TYPE_SHORT);
            case INT32, UINT32 -> custom(width, height, DataBuffer.TYPE_INT);
            case FLOAT32 -> custom(width, height, DataBuffer.TYPE_FLOAT);
            default -> throw new IllegalArgumentException("cannot write " + type);
        };
    }

    private static BufferedImage custom(int width, int height, int dataType) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                false, false, Transparency.OPAQUE, dataType);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        return new BufferedImage(model, raster, false, null);
    }

    private static int[] toInts(short[] labels) {
        int[] ints = new int[labels.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = labels[i] & 0xffff;
        }
        return ints;
    }
}
