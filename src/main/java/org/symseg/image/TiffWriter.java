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
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes greyscale TIFF, one page per image, LZW-compressed (read by Fiji and tifffile alike).
 */
public final class TiffWriter {

    private TiffWriter() {
    }

    public static void write(OutputStream out, List<BufferedImage> pages) throws IOException {
        write(out, pages, Calibration.NONE);
    }

    /**
     * Pages with a pixel size, the way ImageJ writes one (so Fiji and tifffile read it back):
     * XResolution and YResolution in pixels per unit, ResolutionUnit "none", and the unit in an
     * ImageJ description on the first page.
     */
    public static void write(OutputStream out, List<BufferedImage> pages, Calibration calibration)
            throws IOException {
        ImageWriter writer = jdkTiffWriter();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            writer.prepareWriteSequence(null);
            for (int i = 0; i < pages.size(); i++) {
                BufferedImage page = pages.get(i);
                IIOMetadata metadata = calibration.known()
                        ? calibrated(writer, param, page, calibration, i == 0) : null;
                writer.writeToSequence(new IIOImage(page, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadata calibrated(ImageWriter writer, ImageWriteParam param,
            BufferedImage page, Calibration calibration, boolean first)
            throws IIOInvalidTreeException {
        TIFFDirectory directory = TIFFDirectory.createFromMetadata(
                writer.getDefaultImageMetadata(new ImageTypeSpecifier(page), param));
        BaselineTIFFTagSet tags = BaselineTIFFTagSet.getInstance();
        directory.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION),
                TIFFTag.TIFF_RATIONAL, 1, new long[][] {rational(1 / calibration.pixelWidth())}));
        directory.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION),
                TIFFTag.TIFF_RATIONAL, 1, new long[][] {rational(1 / calibration.pixelHeight())}));
        directory.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
                BaselineTIFFTagSet.RESOLUTION_UNIT_NONE));
        String unit = imageJUnit(calibration.unit());
        if (first && unit != null) {
            directory.addTIFFField(new TIFFField(
                    tags.getTag(BaselineTIFFTagSet.TAG_IMAGE_DESCRIPTION), TIFFTag.TIFF_ASCII, 1,
                    new String[] {"ImageJ=1.11a\nunit=" + unit + "\n"}));
        }
        return directory.getAsMetadata();
    }

    /** ImageJ spells micrometres "micron" (TIFF text is ASCII); other non-ASCII units are left out. */
    static String imageJUnit(String unit) {
        String ascii = unit.replace("\u00b5m", "micron").replace("\u00c5", "angstrom");
        return ascii.chars().allMatch(c -> c >= 32 && c < 127 && c != '=') ? ascii : null;
    }

    /** A positive value as a TIFF rational, with as many digits as 32-bit terms allow. */
    static long[] rational(double value) {
        long denominator = 1;
        while (denominator < 1_000_000_000L && value * denominator * 10 < 0xffffffffL) {
            denominator *= 10;
        }
        long numerator = Math.max(1, Math.min(0xffffffffL, Math.round(value * denominator)));
        return new long[] {numerator, denominator};
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
