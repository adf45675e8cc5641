package org.symseg.descriptor;

import java.io.Serializable;
import org.symseg.image.PixelType;

/**
 * Maps a frame's samples onto integers 0..65535. Integer types of at most 16 bits map exactly;
 * other types are scaled linearly from the frame's value range. Pearson correlation does not
 * change under such a map, and with integers every patch sum is exact, which keeps descriptors
 * bit-identical for any tiling. Not-a-number samples become 0.
 */
public record Quantizer(double offset, double scale) implements Serializable {

    public static final int LEVELS = 65535;

    public static Quantizer exact(PixelType type) {
        if (!type.isExact16()) {
            throw new IllegalArgumentException(type + " needs the frame's value range");
        }
        return new Quantizer(type.offset(), 1.0);
    }

    public static Quantizer forRange(double min, double max) {
        if (!(max > min)) {
            return new Quantizer(-min, 0.0);
        }
        return new Quantizer(-min, LEVELS / (max - min));
    }

    /** Smallest and largest finite sample; {0, 0} when there is none. */
    public static double[] finiteRange(float[] samples) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : samples) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? new double[] {0, 0} : new double[] {min, max};
    }

    public int quantize(float value) {
        double q = Math.rint((value + offset) * scale);
        if (!(q > 0)) {
            return 0;
        }
        return q >= LEVELS ? LEVELS : (int) q;
    }

    public QuantizedImage apply(float[] pixels, int width, int height) {
        int[] q = new int[pixels.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = quantize(pixels[i]);
        }
        return new QuantizedImage(q, width, height);
    }
}
