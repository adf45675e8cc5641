package org.symseg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersCompareByValue() {
        List<String> names = new ArrayList<>(List.of("frame_10.tif", "frame_9.tif", "frame_1.tif",
                "frame_100.tif", "frame_02.tif", "frame_2.tif", "a.tif", "frame_.tif"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("a.tif", "frame_.tif", "frame_1.tif", "frame_02.tif", "frame_2.tif",
                "frame_9.tif", "frame_10.tif", "frame_100.tif"), names);
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        assertEquals(-1, Integer.signum(NaturalOrder.INSTANCE.compare("x99999999999999999999",
                "x100000000000000000000")));
    }
}
