package org.symseg.image;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Greyscale TIFF and BigTIFF, single or multi-page (a multi-page TIFF is a frame series;
 * reduced-resolution pages are skipped). symseg walks the directories itself
 * ({@link TiffStructure}: header, calibration, sanity checks); the TwelveMonkeys plugin decodes
 * the pixels (strips or tiles; none, LZW, Deflate, PackBits and more), only of the region asked.
 */
public final class TiffFrameReader implements OpenedFileReader {

    private static final long serialVersionUID = 1L;
    private static final String FORMAT = "TIFF";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public ImageHeader header(String path, ByteReader in) throws IOException {
        return TiffStructure.of(path, in).header();
    }

    @Override
    public float[] read(String path, ByteReader in, int frame, Rect region) throws IOException {
        TiffStructure tiff = TiffStructure.of(path, in);
        tiff.header().checkRegion(frame, region);
        if (TiffBlockDecoder.canDecode(tiff, frame)) {
            return TiffBlockDecoder.read(tiff, in, frame, region);
        }
        long length = in.length();
        // TwelveMonkeys 3.14 fails on tiled integer images when the region is narrower than
        // the image, so tiled frames are decoded in full-width bands of the region's rows
        Rect decoded = tiff.tiled(frame)
                ? new Rect(0, region.y(), tiff.header().width(), region.height()) : region;
        Raster raster = decode(path, length, tiff.directoryIndex(frame), decoded);
        if (raster.getWidth() != decoded.width() || raster.getHeight() != decoded.height()) {
            throw new ImageFormatException("truncated or corrupt TIFF: region " + region
                    + " of frame " + frame + " decodes as " + raster.getWidth() + "x"
                    + raster.getHeight());
        }
        Raster wanted = raster.createChild(raster.getMinX() + region.x() - decoded.x(),
                raster.getMinY(), region.width(), region.height(), 0, 0, null);
        return samples(wanted, tiff.header().type());
    }

    private static Raster decode(String path, long length, int directory, Rect region)
            throws IOException {
        ImageReader reader = new TIFFImageReaderSpi().createReaderInstance();
        try (FSDataInputStream in = Storage.open(path);
                HadoopImageInputStream stream = new HadoopImageInputStream(in, length)) {
            reader.setInput(stream, false, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(new Rectangle(region.x(), region.y(), region.width(),
                    region.height()));
            return reader.readRaster(directory, param);
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageFormatException("truncated or corrupt TIFF (" + describe(e) + ")", e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * The raster's samples as the file's type means them: a decoder may hand signed bytes or
     * unsigned 32-bit words over in a Java type of the other signedness.
     */
    private static float[] samples(Raster raster, PixelType type) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        if (type == PixelType.FLOAT32 || type == PixelType.FLOAT64) {
            return raster.getSamples(0, 0, w, h, 0, (float[]) null);
        }
        int[] ints = raster.getSamples(0, 0, w, h, 0, (int[]) null);
        float[] out = new float[ints.length];
        for (int i = 0; i < ints.length; i++) {
            int v = ints[i];
            out[i] = switch (type) {
                case INT8 -> (byte) v;
                case UINT8 -> v & 0xff;
                case INT16 -> (short) v;
                case UINT16 -> v & 0xffff;
                case UINT32 -> v & 0xffffffffL;
                default -> v;
            };
        }
        return out;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e instanceof java.io.EOFException ? "unexpected end of file"
                : e.getClass().getSimpleName();
        String text = message == null || message.isBlank() ? kind : kind + ": " + message;
        return text.lines().findFirst().orElse(kind);
    }
}
