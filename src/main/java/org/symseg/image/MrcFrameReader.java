package org.symseg.image;

import java.io.IOException;
import java.nio.ByteOrder;

/**
 * MRC (MRC2014 and older): modes 0 (8-bit), 1 (int16), 2 (float32), 6 (uint16) and 12
 * (float16); each section along z is a frame; the extended header is skipped. The pixel size is
 * the cell length over the sampling (angstroms in the file, nanometres here).
 */
public final class MrcFrameReader extends ContiguousFrameReader {

    private static final long serialVersionUID = 1L;
    static final int HEADER_BYTES = 1024;
    /** IMOD marks its files so; its flags then say whether mode-0 bytes are signed. */
    private static final int IMOD_STAMP = 1146047817;

    /** True when the header carries the MRC2000+ stamp "MAP " at byte 208. */
    static boolean hasStamp(byte[] head) {
        return head.length >= 212 && head[208] == 'M' && head[209] == 'A' && head[210] == 'P'
                && head[211] == ' ';
    }

    @Override
    public String format() {
        return "MRC file";
    }

    @Override
    Layout layout(String path, ByteReader in) throws IOException {
        if (in.length() < HEADER_BYTES) {
            throw new ImageFormatException("not an MRC file (shorter than the 1024-byte header)");
        }
        ByteOrder order = byteOrder(in);
        in.order(order).seek(0);
        long nx = in.s32();
        long ny = in.s32();
        long nz = in.s32();
        int mode = in.s32();
        StoredType type = storedType(mode, in);
        in.seek(28);
        int mx = in.s32();
        int my = in.s32();
        in.seek(40);
        float cellX = in.f32();
        float cellY = in.f32();
        long extended = readInt(in, 92);
        if (extended < 0) {
            throw new ImageFormatException("corrupt MRC header: negative extended header size "
                    + extended);
        }
        Calibration calibration = mx > 0 && my > 0
                ? Calibration.of(cellX / mx / 10, cellY / my / 10, "nm") : Calibration.NONE;
        ImageHeader header = ImageHeader.checked(path, nx, ny, nz, type.pixelType(), calibration);
        Layout layout = new Layout(header, new RawPlane(HEADER_BYTES + extended, header.width(),
                header.height(), type, order, false));
        RawPlane last = layout.plane(header.frames() - 1);
        last.checkInside(in, "the MRC header's " + nz + " sections of " + nx + "x" + ny
                + " (mode " + mode + ")");
        return layout;
    }

    private static int readInt(ByteReader in, long offset) throws IOException {
        return in.seek(offset).s32();
    }

    /** The machine stamp says; files without one are taken in whichever order gives a known mode. */
    private static ByteOrder byteOrder(ByteReader in) throws IOException {
        int stamp = in.seek(212).u8();
        if (stamp == 0x44) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (stamp == 0x11) {
            return ByteOrder.BIG_ENDIAN;
        }
        int mode = in.order(ByteOrder.LITTLE_ENDIAN).seek(12).s32();
        return mode >= 0 && mode <= 16 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    private static StoredType storedType(int mode, ByteReader in) throws IOException {
        return switch (mode) {
            case 0 -> signedBytes(in) ? StoredType.INT8 : StoredType.UINT8;
            case 1 -> StoredType.INT16;
            case 2 -> StoredType.FLOAT32;
            case 6 -> StoredType.UINT16;
            case 12 -> StoredType.FLOAT16;
            case 3, 4 -> throw new ImageFormatException("complex-valued MRC (mode " + mode
                    + "); symseg segments real greyscale images only");
            case 16 -> throw new ImageFormatException("RGB colour MRC (mode 16); symseg reads"
                    + " greyscale images only (convert it first)");
            default -> throw new ImageFormatException("unsupported MRC mode " + mode
                    + " (supported: 0, 1, 2, 6, 12)");
        };
    }

    /** MRC2014 says mode 0 is signed; IMOD files say which with bit 0 of their flags. */
    private static boolean signedBytes(ByteReader in) throws IOException {
        if (readInt(in, 152) != IMOD_STAMP) {
            return true;
        }
        return (readInt(in, 156) & 1) != 0;
    }
}
