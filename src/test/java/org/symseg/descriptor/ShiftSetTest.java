package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShiftSetTest {

    private static void assertValid(ShiftSet set, int count, int w) {
        assertEquals(count, set.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < set.size(); i++) {
            int dx = set.dx()[i];
            int dy = set.dy()[i];
            assertTrue(Math.abs(dx) <= w && Math.abs(dy) <= w, dx + "," + dy + " outside window");
            assertTrue(dx != 0 || dy != 0, "zero shift");
            assertTrue(seen.add(dx + "," + dy), "repeated shift " + dx + "," + dy);
        }
    }

    @Test
    void referenceDefaultsGiveHundredDistinctShiftsSpanningTheWindow() {
        ShiftSet set = ShiftSet.uniform(100, 21, 21);
        assertValid(set, 100, 21);
        assertEquals(21, set.maxAbsX());
        assertEquals(21, set.maxAbsY());
    }

    @Test
    void countsThatAreNotSquaresAndSmallWindows() {
        assertValid(ShiftSet.uniform(37, 10, 10), 37, 10);
        assertValid(ShiftSet.uniform(8, 1, 1), 8, 1);
        assertValid(ShiftSet.uniform(100, 150, 150), 100, 150);
    }

    @Test
    void refusesMoreShiftsThanTheWindowHolds() {
        assertThrows(IllegalArgumentException.class, () -> ShiftSet.uniform(9, 1, 1));
    }

    @Test
    void opposites() {
        ShiftSet defaults = ShiftSet.uniform(100, 21, 21);
        int[] opposite = defaults.opposites();
        for (int s = 0; s < defaults.size(); s++) {
            assertEquals(-defaults.dx()[s], defaults.dx()[opposite[s]]);
            assertEquals(-defaults.dy()[s], defaults.dy()[opposite[s]]);
        }
        ShiftSet lopsided = new ShiftSet(new int[] {1, -1, 2}, new int[] {0, 0, 3});
        assertArrayEquals(new int[] {1, 0, -1}, lopsided.opposites());
    }
}
