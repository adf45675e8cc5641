package org.symseg.image;

/**
 * TIFF's LZW decompression (TIFF 6.0, section 13): codes of 9 to 12 bits, most significant bit
 * first; code 256 empties the table, 257 ends the data, and the code width grows one code early
 * (at 511, 1023 and 2047 entries), as every TIFF writer since 6.0 does it.
 */
final class TiffLzw {

    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int FIRST_FREE = 258;
    private static final int MAX_CODES = 4096;

    private TiffLzw() {
    }

    /** Decodes {@code packed} into {@code raw}, up to its length; returns the bytes produced. */
    static int decode(byte[] packed, byte[] raw) throws ImageFormatException {
        if (packed.length >= 2 && packed[0] == 0 && (packed[1] & 1) == 1) {
            // a clear code written least significant bit first: the LZW of TIFF 5 and before
            throw new ImageFormatException("old-style LZW (before TIFF 6.0) is not supported;"
                    + " save the file again with LZW, Deflate or no compression");
        }
        // each entry is an earlier entry (its prefix) plus one byte
        int[] prefix = new int[MAX_CODES];
        byte[] last = new byte[MAX_CODES];
        byte[] first = new byte[MAX_CODES];
        int[] length = new int[MAX_CODES];
        for (int c = 0; c < 256; c++) {
            last[c] = (byte) c;
            first[c] = (byte) c;
            length[c] = 1;
        }
        int next = FIRST_FREE;
        int width = 9;
        int previous = -1;
        int out = 0;
        long bits = 0;
        int held = 0;
        int in = 0;
        while (out < raw.length) {
            while (held < width && in < packed.length) {
                bits = bits << 8 | (packed[in++] & 0xff);
                held += 8;
            }
            if (held < width) {
                break; // the data ends without an end code: keep what it held
            }
            held -= width;
            int code = (int) (bits >>> held) & ((1 << width) - 1);
            if (code == END) {
                break;
            }
            if (code == CLEAR) {
                next = FIRST_FREE;
                width = 9;
                previous = -1;
                continue;
            }
            if (previous < 0) {
                if (code > 255) {
                    throw corrupt("a table code " + code + " right after a clear code");
                }
                raw[out++] = (byte) code;
                previous = code;
                continue;
            }
            if (code > next || code == next && next >= MAX_CODES) {
                throw corrupt("code " + code + " before the table holds it");
            }
            // code == next: the string of the previous code plus its own first byte
            byte lead = code == next ? first[previous] : first[code];
            if (next < MAX_CODES) {
                prefix[next] = previous;
                last[next] = lead;
                first[next] = first[previous];
                length[next] = length[previous] + 1;
                next++;
            }
            out = write(code, prefix, last, length, raw, out);
            previous = code;
            if (next >= (1 << width) - 1 && width < 12) {
                width++;
            }
        }
        return out;
    }

    /** The string of {@code code} at raw[out...], cut at the end of raw; returns the new end. */
    private static int write(int code, int[] prefix, byte[] last, int[] length, byte[] raw, int out) {
        int n = length[code];
        int end = out + n;
        for (int c = code, at = end - 1; at >= out; c = prefix[c], at--) {
            if (at < raw.length) {
                raw[at] = last[c];
            }
        }
        return Math.min(end, raw.length);
    }

    private static ImageFormatException corrupt(String what) {
        return new ImageFormatException("truncated or corrupt TIFF (bad LZW data: " + what + ")");
    }
}
