package org.symseg.image;

import java.nio.ByteBuffer;

/** How one sample is stored in an uncompressed raster, and the pipeline type it maps onto. */
enum StoredType {
    INT8(1, PixelType.INT8),
    UINT8(1, PixelType.UINT8),
    INT16(2, PixelType.INT16),
    UINT16(2, PixelType.UINT16),
    INT32(4, PixelType.INT32),
    UINT32(4, PixelType.UINT32),
    FLOAT16(2, PixelType.FLOAT32),
    FLOAT32(4, PixelType.FLOAT32),
    FLOAT64(8, PixelType.FLOAT64);

    private final int bytes;
    private final PixelType pixelType;

    StoredType(int bytes, PixelType pixelType) {
        this.bytes = bytes;
        this.pixelType = pixelType;
    }

    int bytes() {
        return bytes;
    }

    PixelType pixelType() {
        return pixelType;
    }

    /** Whole numbers, signed or not (not the floating-point types). */
    boolean isInteger() {
        return this != FLOAT16 && this != FLOAT32 && this != FLOAT64;
    }

    /** The sample at {@code index} (a byte index) of {@code data}, in the buffer's byte order. */
    float decode(ByteBuffer data, int index) {
        return switch (this) {
            case INT8 -> data.get(index);
            case UINT8 -> data.get(index) & 0xff;
            case INT16 -> data.getShort(index);
            case UINT16 -> data.getShort(index) & 0xffff;
            case INT32 -> data.getInt(index);
            case UINT32 -> data.getInt(index) & 0xffffffffL;
            case FLOAT16 -> halfToFloat(data.getShort(index));
            case FLOAT32 -> data.getFloat(index);
            case FLOAT64 -> (float) data.getDouble(index);
        };
    }

    /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int sign = (half >> 15) & 1;
        int exponent = (half >> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f;
        } else if (exponent == 31) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Float.intBitsToFloat((exponent + 112) << 23 | mantissa << 13);
        }
        return sign == 0 ? magnitude : -magnitude;
    }
}
