package org.symseg.descriptor;

import java.util.List;

/**
 * Several descriptors side by side: each point's vector is the first kind's scores, then the
 * second's, and so on. Each kind's block is scaled by 1/sqrt(its length), so every kind brings
 * about the same total variance to the PCA whether it has 4 channels or 100, and none dominates
 * by its length alone. The reach is the largest of the parts'.
 */
public final class CombinedDescriptor implements Descriptor {

    private static final long serialVersionUID = 1L;

    private final List<Descriptor> parts;
    private final int length;

    public CombinedDescriptor(List<Descriptor> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a combination needs at least two descriptors");
        }
        this.parts = List.copyOf(parts);
        this.length = parts.stream().mapToInt(Descriptor::length).sum();
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int reach() {
        return parts.stream().mapToInt(Descriptor::reach).max().orElse(0);
    }

    @Override
    public String channel(int index) {
        int first = 0;
        for (Descriptor part : parts) {
            if (index < first + part.length()) {
                return part.channel(index - first);
            }
            first += part.length();
        }
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public void compute(QuantizedImage image, int[] xs, int[] ys, float[] out) {
        int points = xs.length * ys.length;
        int first = 0;
        for (Descriptor part : parts) {
            int n = part.length();
            float[] block = new float[points * n];
            part.compute(image, xs, ys, block);
            float scale = (float) (1 / Math.sqrt(n));
            for (int p = 0; p < points; p++) {
                for (int c = 0; c < n; c++) {
                    out[p * length + first + c] = block[p * n + c] * scale;
                }
            }
            first += n;
        }
    }
}
