package org.symseg.image;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Greyscale TIFF, single or multi-page (a multi-page TIFF is a frame series), through the
 * TwelveMonkeys TIFF plugin. Only the requested region is decoded.
 */
public final class TiffFrameReader implements FrameReader {

    private static final long serialVersionUID = 1L;

    @FunctionalInterface
    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    @Override
    public ImageHeader header(String path) throws IOException {
        return withReader(path, reader -> {
            int frames = reader.getNumImages(true);
            if (frames < 1) {
                throw new ImageFormatException("truncated or corrupt TIFF (no readable image)");
            }
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            PixelType type = pixelType(reader.getRawImageType(0));
            for (int f = 1; f < frames; f++) {
                if (reader.getWidth(f) != width || reader.getHeight(f) != height) {
                    throw new ImageFormatException("page " + f + " is " + reader.getWidth(f) + "x"
                            + reader.getHeight(f) + " but page 0 is " + width + "x" + height
                            + "; all frames of a series must have one size");
                }
            }
            return new ImageHeader(path, width, height, frames, type);
        });
    }

    @Override
    public float[] read(String path, int frame, Rect region) throws IOException {
        return withReader(path, reader -> {
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(new java.awt.Rectangle(region.x(), region.y(), region.width(),
                    region.height()));
            Raster raster = reader.read(frame, param).getRaster();
            if (raster.getWidth() != region.width() || raster.getHeight() != region.height()) {
                throw new ImageFormatException("region " + region + " lies outside frame " + frame);
            }
            return raster.getSamples(0, 0, region.width(), region.height(), 0, (float[]) null);
        });
    }

    private static <T> T withReader(String path, ReaderWork<T> work) throws IOException {
        org.apache.hadoop.fs.FileStatus status = Storage.status(path);
        long length = status.getLen();
        if (status.isDirectory()) {
            throw new ImageFormatException("is a directory, not an image");
        }
        if (length == 0) {
            throw new ImageFormatException("empty file");
        }
        try (FSDataInputStream in = Storage.open(path)) {
            checkMagic(in, length);
            in.seek(0);
            ImageReader reader = new TIFFImageReaderSpi().createReaderInstance();
            try (HadoopImageInputStream stream = new HadoopImageInputStream(in, length)) {
                reader.setInput(stream, false, true);
                return work.apply(reader);
            } catch (ImageFormatException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new ImageFormatException("truncated or corrupt TIFF (" + describe(e) + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static void checkMagic(FSDataInputStream in, long length) throws IOException {
        byte[] magic = new byte[4];
        if (length < 8) {
            throw new ImageFormatException("not a TIFF image (only " + length + " bytes)");
        }
        in.readFully(0, magic);
        boolean little = magic[0] == 'I' && magic[1] == 'I' && (magic[2] == 42 || magic[2] == 43)
                && magic[3] == 0;
        boolean big = magic[0] == 'M' && magic[1] == 'M' && magic[2] == 0
                && (magic[3] == 42 || magic[3] == 43);
        if (!little && !big) {
            throw new ImageFormatException("not a TIFF image (unrecognised header)");
        }
    }

    private static PixelType pixelType(ImageTypeSpecifier spec) throws ImageFormatException {
        if (spec == null) {
            throw new ImageFormatException("unsupported TIFF sample layout");
        }
        SampleModel sm = spec.getSampleModel();
        if (sm.getNumBands() != 1) {
            throw new ImageFormatException("has " + sm.getNumBands()
                    + " colour channels; symseg reads greyscale images only (convert it first)");
        }
        if (spec.getColorModel() instanceof IndexColorModel && sm.getSampleSize(0) != 8
                || sm.getSampleSize(0) < 8) {
            throw new ImageFormatException(sm.getSampleSize(0)
                    + "-bit samples are not supported; use 8, 16 or 32 bits");
        }
        return switch (sm.getDataType()) {
            case DataBuffer.TYPE_BYTE -> PixelType.UINT8;
            case DataBuffer.TYPE_USHORT -> PixelType.UINT16;
            case DataBuffer.TYPE_SHORT -> PixelType.INT16;
            case DataBuffer.TYPE_INT -> PixelType.INT32;
            case DataBuffer.TYPE_FLOAT -> PixelType.FLOAT32;
            case DataBuffer.TYPE_DOUBLE -> PixelType.FLOAT64;
            default -> throw new ImageFormatException("unsupported TIFF sample type");
        };
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e instanceof java.io.EOFException ? "unexpected end of file"
                : e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
