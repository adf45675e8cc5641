package org.symseg.image;

/**
 * Sample type of a greyscale image. Types of at most 16 bits are integers that the descriptors
 * can use exactly; wider integer and float types are first mapped onto a 16-bit scale fitted to
 * the frame's value range (see {@link org.symseg.descriptor.Quantizer}).
 */
public enum PixelType {
    UINT8(true, 0),
    INT8(true, 128),
    UINT16(true, 0),
    INT16(true, 32768),
    INT32(false, 0),
    UINT32(false, 0),
    FLOAT32(false, 0),
    FLOAT64(false, 0);

    private final boolean exact16;
    private final int offset;

    PixelType(boolean exact16, int offset) {
        this.exact16 = exact16;
        this.offset = offset;
    }

    /** True when every value is an integer that fits 0..65535 after adding {@link #offset()}. */
    public boolean isExact16() {
        return exact16;
    }

    /** What to add to a value of an exact type to make it non-negative. */
    public int offset() {
        return offset;
    }
}
