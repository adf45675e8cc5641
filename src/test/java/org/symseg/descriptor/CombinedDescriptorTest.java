package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symseg.synth.Lattice;

class CombinedDescriptorTest {

    @Test
    void blocksFollowEachOtherScaledByOneOverSqrtOfTheirLength() {
        QuantizedImage image = PointSymmetryDescriptorTest.lattice(
                Lattice.hexagonal(10, 5, 2.0).shiftedTo(1.2, 0.4), 80);
        Descriptor translation = new TranslationDescriptor(5, 6, 16);
        Descriptor rotation = PointSymmetryDescriptor.rotation(6, 7, List.of(60.0, 90.0, 120.0, 180.0));
        CombinedDescriptor combined = new CombinedDescriptor(List.of(rotation, translation));
        assertEquals(20, combined.length());
        assertEquals(Math.max(rotation.reach(), translation.reach()), combined.reach());
        int[] xs = {30, 40, 50};
        int[] ys = {35, 45};
        float[] both = new float[6 * 20];
        float[] rot = new float[6 * 4];
        float[] tra = new float[6 * 16];
        combined.compute(image, xs, ys, both);
        rotation.compute(image, xs, ys, rot);
        translation.compute(image, xs, ys, tra);
        for (int p = 0; p < 6; p++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(rot[p * 4 + c] / 2f, both[p * 20 + c], 1e-7);
            }
            for (int c = 0; c < 16; c++) {
                assertEquals(tra[p * 16 + c] / 4f, both[p * 20 + 4 + c], 1e-7);
            }
        }
        assertEquals("rot60", combined.channel(0));
        assertEquals(translation.channel(3), combined.channel(7));
    }

    @Test
    void selectedChannelsKeepTheGivenChannelsInOrder() {
        QuantizedImage image = PointSymmetryDescriptorTest.random(40, 40, 3);
        Descriptor all = PointSymmetryDescriptor.reflection(4, 3, 6);
        SelectedChannels some = new SelectedChannels(all, new int[] {4, 1});
        float[] full = new float[6];
        float[] kept = new float[2];
        all.compute(image, new int[] {20}, new int[] {20}, full);
        some.compute(image, new int[] {20}, new int[] {20}, kept);
        assertEquals(full[4], kept[0]);
        assertEquals(full[1], kept[1]);
        assertEquals(all.channel(4), some.channel(0));
        assertEquals(all.reach(), some.reach());
    }
}
