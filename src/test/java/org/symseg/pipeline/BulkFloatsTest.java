package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BulkFloatsTest {

    @Test
    void arraysComeBackBitForBitWhateverTheirLength() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (int length : new int[] {0, 1, 3, (1 << 14) - 1, 1 << 14, (1 << 14) + 5, 3 * (1 << 14) + 11}) {
            float[] values = new float[length];
            for (int i = 0; i < length; i++) {
                values[i] = (float) (random.nextDouble() * 2 - 1);
            }
            if (length > 3) {
                values[0] = Float.NaN;
                values[1] = Float.NEGATIVE_INFINITY;
                values[2] = -0f;
                values[3] = Float.MIN_VALUE;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                BulkFloats.write(out, values);
                out.writeUTF("after");
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                float[] back = BulkFloats.read(in);
                assertEquals(length, back.length);
                for (int i = 0; i < length; i++) {
                    assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(back[i]), "value " + i);
                }
                assertEquals("after", in.readUTF(), "the stream goes on where the array ends");
            }
        }
    }

    @Test
    void theBytesAreLittleEndianWhateverTheMachine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            BulkFloats.write(out, new float[] {1f});
        }
        byte[] all = bytes.toByteArray();
        // 1.0f is 0x3f800000: last four bytes of the stream, low byte first
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f},
                java.util.Arrays.copyOfRange(all, all.length - 4, all.length));
    }
}
