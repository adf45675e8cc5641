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
}
