package org.symseg.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FEI/Thermo TIA series files ({@code .ser}) holding 2-D images: one image or a series of them,
 * each element a frame. Offsets are 64-bit from series version 0x220 on. TIA stores rows bottom
 * up; frames are returned top row first. The pixel size is in metres, or in 1/m when the
 * {@code .emi} file beside it says the image is a diffraction pattern.
 */
public final class SerFrameReader implements OpenedFileReader {

    private static final long serialVersionUID = 1L;
    private static final int BYTE_ORDER = 0x4949;
    private static final int SERIES_ID = 0x0197;
    private static final int IMAGES = 0x4122;
    private static final int SPECTRA = 0x4120;
    private static final int ELEMENT_HEADER = 50;
    private static final int MAX_EMI_BYTES = 16 << 20;
    private static final Pattern MODE = Pattern.compile(
            "<Label>Mode</Label>\\s*<Value>([^<]*)</Value>");

    private record Element(long dataOffset, double deltaX, double deltaY, int dataType,
            long width, long height) {
    }

    private record Layout(long[] offsets, int frames, Element first) {
    }

    /** Layouts of the series read last: every tile would otherwise read the offset table again. */
    private static final RememberedPerFile<Layout> LAID_OUT = new RememberedPerFile<>(64);

    static boolean hasMagic(byte[] head) {
        return head.length >= 4 && (head[0] & 0xff) == 0x49 && (head[1] & 0xff) == 0x49
                && (head[2] & 0xff) == (SERIES_ID & 0xff) && (head[3] & 0xff) == SERIES_ID >> 8;
    }

    @Override
    public String format() {
        return "TIA file";
    }

    @Override
    public ImageHeader header(String path, ByteReader in) throws IOException {
        Layout layout = LAID_OUT.of(path, in, () -> layout(in));
        Element e = layout.first();
        StoredType type = storedType(e.dataType());
        Calibration calibration = Calibration.of(e.deltaX(), e.deltaY(),
                diffraction(path) ? "1/m" : "m");
        return ImageHeader.checked(path, e.width(), e.height(), layout.frames(),
                type.pixelType(), calibration);
    }

    @Override
    public float[] read(String path, ByteReader in, int frame, Rect region) throws IOException {
        Layout layout = LAID_OUT.of(path, in, () -> layout(in));
        Element first = layout.first();
        ImageHeader header = ImageHeader.checked(path, first.width(), first.height(),
                layout.frames(), storedType(first.dataType()).pixelType(), Calibration.NONE);
        header.checkRegion(frame, region);
        Element e = frame == 0 ? first : element(in, layout.offsets()[frame]);
        if (e.width() != first.width() || e.height() != first.height()
                || e.dataType() != first.dataType()) {
            throw new ImageFormatException("TIA series element " + frame + " differs from"
                    + " element 0 in size or type; all frames must have one size");
        }
        return plane(e).read(in, region);
    }

    private static Layout layout(ByteReader in) throws IOException {
        in.order(ByteOrder.LITTLE_ENDIAN);
        if (in.length() < 30 || in.u16() != BYTE_ORDER || in.u16() != SERIES_ID) {
            throw new ImageFormatException("not a TIA series file (unrecognised header)");
        }
        int version = in.u16();
        int dataType = in.s32();
        in.s32(); // tag type: positions or times, not needed for images
        long total = in.s32();
        long valid = in.s32();
        boolean wide = version >= 0x220;
        long arrayOffset = wide ? in.s64() : in.u32();
        if (dataType == SPECTRA) {
            throw new ImageFormatException("TIA file holds spectra (1-D data), not images");
        }
        if (dataType != IMAGES) {
            throw new ImageFormatException("corrupt TIA header: unknown data type 0x"
                    + Integer.toHexString(dataType));
        }
        if (valid < 1 || total < valid) {
            throw new ImageFormatException("TIA file holds no valid image (" + valid + " of "
                    + total + " elements)");
        }
        int width = wide ? 8 : 4;
        in.seek(arrayOffset).require(total * width);
        long[] offsets = new long[(int) valid];
        for (int i = 0; i < valid; i++) {
            offsets[i] = wide ? in.s64() : in.u32();
            if (offsets[i] < 0 || offsets[i] > in.length() - ELEMENT_HEADER) {
                throw new ImageFormatException("corrupt TIA file: element " + i + " at offset "
                        + offsets[i] + " lies outside the file (" + in.length() + " bytes)");
            }
        }
        Element first = element(in, offsets[0]);
        plane(first).checkInside(in, "TIA element 0");
        return new Layout(offsets, (int) valid, first);
    }

    private static Element element(ByteReader in, long offset) throws IOException {
        // TIA files are little-endian; set here too, as a remembered layout skips layout()
        in.order(ByteOrder.LITTLE_ENDIAN).seek(offset);
        in.f64();
        double deltaX = in.f64();
        in.s32();
        in.f64();
        double deltaY = in.f64();
        in.s32();
        int dataType = in.s16();
        long width = in.s32();
        long height = in.s32();
        storedType(dataType);
        ImageHeader.checked("", width, height, 1, PixelType.UINT8, Calibration.NONE);
        return new Element(in.position(), deltaX, deltaY, dataType, width, height);
    }

    private static RawPlane plane(Element e) throws ImageFormatException {
        return new RawPlane(e.dataOffset(), (int) e.width(), (int) e.height(),
                storedType(e.dataType()), ByteOrder.LITTLE_ENDIAN, true);
    }

    private static StoredType storedType(int code) throws ImageFormatException {
        return switch (code) {
            case 1 -> StoredType.UINT8;
            case 2 -> StoredType.UINT16;
            case 3 -> StoredType.UINT32;
            case 4 -> StoredType.INT8;
            case 5 -> StoredType.INT16;
            case 6 -> StoredType.INT32;
            case 7 -> StoredType.FLOAT32;
            case 8 -> StoredType.FLOAT64;
            case 9, 10 -> throw new ImageFormatException("complex-valued TIA image; symseg"
                    + " segments real greyscale images only");
            default -> throw new ImageFormatException("corrupt TIA element: unknown data type "
                    + code);
        };
    }

    /**
     * The series' .emi file ({@code NAME.emi} beside {@code NAME_1.ser}) records the microscope
     * mode; a diffraction pattern is calibrated in reciprocal metres. Without it, metres.
     */
    private static boolean diffraction(String serPath) {
        String emi = serPath.replaceFirst("(_\\d+)?\\.[sS][eE][rR]$", ".emi");
        if (emi.equals(serPath)) {
            return false;
        }
        try {
            if (!Storage.exists(emi)) {
                return false;
            }
            try (InputStream in = Storage.open(emi)) {
                String text = new String(in.readNBytes(MAX_EMI_BYTES), StandardCharsets.ISO_8859_1);
                Matcher mode = MODE.matcher(text);
                return mode.find() && mode.group(1).contains("Diffraction");
            }
        } catch (IOException | RuntimeException e) {
            // the .emi is optional metadata: without it the image still reads, in metres
            return false;
        }
    }
}
