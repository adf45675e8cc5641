package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PearsonTest {

    /** The clamp is the bits of Math.max(-1, Math.min(1, r)) for every r, the odd ones included. */
    @Test
    void clampIsMinAndMaxForEveryValue() {
        double[] odd = {Double.NaN, 0.0, -0.0, 1.0, -1.0, Math.nextUp(1.0), Math.nextDown(-1.0),
            Math.nextDown(1.0), Math.nextUp(-1.0), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.99999999999, 1e300};
        Random random = new Random(5);
        double[] values = new double[odd.length + 1000];
        System.arraycopy(odd, 0, values, 0, odd.length);
        for (int i = odd.length; i < values.length; i++) {
            values[i] = random.nextGaussian() * 0.8;
        }
        for (double r : values) {
            float expected = (float) Math.max(-1.0, Math.min(1.0, r));
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(Pearson.clamped(r)), "r = " + r);
        }
    }
}
