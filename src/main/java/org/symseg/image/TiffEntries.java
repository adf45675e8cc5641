package org.symseg.image;

import java.nio.ByteBuffer;

/** Directory entries of the TIFF files symseg writes itself. */
final class TiffEntries {

    static final int ASCII = 2;
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int RATIONAL = 5;

    private TiffEntries() {
    }

    /** One 12-byte entry; a single SHORT sits in the value field's first two bytes. */
    static void put(ByteBuffer out, int tag, int type, int count, long value) {
        out.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == SHORT && count == 1) {
            out.putShort((short) value).putShort((short) 0);
        } else {
            out.putInt((int) value);
        }
    }
}
