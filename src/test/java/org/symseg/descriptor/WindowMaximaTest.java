package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowMaximaTest {

    /** Rows of every length up to past a few blocks, from an offset, reused: a scan's maxima. */
    @Test
    void everyWholeWindowHasTheMaximumOfAScan() {
        Random random = new Random(3);
        float[] values = new float[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 17 == 0 ? Float.NEGATIVE_INFINITY : random.nextFloat() * 2 - 1;
        }
        for (int h = 0; h <= 4; h++) {
            WindowMaxima spans = new WindowMaxima(h);
            for (int length = 2 * h + 1; length <= 40; length++) {
                int from = random.nextInt(values.length - length);
                spans.of(values, from, length);
                for (int i = h; i < length - h; i++) {
                    float scan = Float.NEGATIVE_INFINITY;
                    for (int k = i - h; k <= i + h; k++) {
                        scan = Math.max(scan, values[from + k]);
                    }
                    assertEquals(scan, spans.around(i), "h " + h + ", length " + length + ", at " + i);
                }
            }
        }
    }

    @Test
    void aWindowPastTheRowIsRefused() {
        WindowMaxima spans = new WindowMaxima(2);
        spans.of(new float[10], 0, 10);
        assertThrows(IndexOutOfBoundsException.class, () -> spans.around(1));
        assertThrows(IndexOutOfBoundsException.class, () -> spans.around(8));
        assertEquals(0f, spans.around(7));
    }
}
