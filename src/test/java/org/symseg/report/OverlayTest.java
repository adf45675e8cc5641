package org.symseg.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Overlay pixels: each pattern's tint over the stretched grey, as palette or colour pixels. */
class OverlayTest {

    @Test
    void fewPatternsGiveAPaletteImageWithinTwoLevelsOfTheColourOne() {
        for (int patterns = 1; patterns <= Overlay.PALETTE_PATTERNS; patterns++) {
            BufferedImage overlay = render(patterns, 7);
            assertEquals(BufferedImage.TYPE_BYTE_INDEXED, overlay.getType(), patterns + " patterns");
            assertCloseTo(overlay, patterns, 2);
        }
    }

    @Test
    void morePatternsGiveColourPixelsExactly() {
        BufferedImage overlay = render(Overlay.PALETTE_PATTERNS + 2, 8);
        assertEquals(BufferedImage.TYPE_INT_RGB, overlay.getType());
        assertCloseTo(overlay, Overlay.PALETTE_PATTERNS + 2, 0);
    }

    private static final int SIDE = 64;

    /** A ramp from 0 to 1000 along x, labels in vertical stripes. */
    private static BufferedImage render(int patterns, long seed) {
        float[] image = new float[SIDE * SIDE];
        short[] labels = new short[SIDE * SIDE];
        Random random = new Random(seed);
        for (int i = 0; i < image.length; i++) {
            image[i] = (i % SIDE) * 1000f / (SIDE - 1) + random.nextFloat();
            labels[i] = (short) ((i / SIDE) % patterns);
        }
        return Overlay.render(image, labels, SIDE, SIDE);
    }

    private static void assertCloseTo(BufferedImage overlay, int patterns, int tolerance) {
        // the percentile stretch maps the ramp's ends to black and white; compare the middle
        for (int y = 0; y < SIDE; y++) {
            for (int x = 2; x < SIDE - 2; x++) {
                int shown = overlay.getRGB(x, y) & 0xffffff;
                int label = y % patterns;
                int lowest = Integer.MAX_VALUE;
                // the exact grey lies between the neighbours' ramp values; take the closest tint
                for (double grey = 0; grey <= 255; grey += 0.25) {
                    lowest = Math.min(lowest, distance(shown, Overlay.tinted(grey, label)));
                }
                assertTrue(lowest <= tolerance, "pixel " + x + "," + y + ": off by " + lowest);
            }
        }
        // and the ramp does rise: the right end is lighter than the left
        assertTrue((overlay.getRGB(SIDE - 3, 0) & 0xff) > (overlay.getRGB(2, 0) & 0xff) + 100);
    }

    private static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
        }
        return d;
    }

    @Test
    void theKthSmallestIsWhatSortingPutsAtK() {
        Random random = new Random(9);
        for (int n : new int[] {1, 2, 3, 10, 1000}) {
            for (int round = 0; round < 20; round++) {
                float[] values = new float[n];
                for (int i = 0; i < n; i++) {
                    // few distinct values as well as many: ties must not trip the partition
                    values[i] = round % 2 == 0 ? random.nextInt(5) : random.nextFloat();
                }
                float[] sorted = values.clone();
                java.util.Arrays.sort(sorted);
                int k = random.nextInt(n);
                assertEquals(sorted[k], Overlay.smallest(values.clone(), n, k), "n " + n + ", k " + k);
            }
        }
    }
}
