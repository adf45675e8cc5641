package org.symseg.descriptor;

/**
 * Some channels of another descriptor, in the order given: what {@code --select-best} fits on
 * after the Fisher diagnostics have ranked the channels.
 */
public final class SelectedChannels implements Descriptor {

    private static final long serialVersionUID = 1L;

    private final Descriptor all;
    private final int[] channels;

    public SelectedChannels(Descriptor all, int[] channels) {
        for (int c : channels) {
            if (c < 0 || c >= all.length()) {
                throw new IllegalArgumentException("no channel " + c + " in a descriptor of length "
                        + all.length());
            }
        }
        this.all = all;
        this.channels = channels.clone();
    }

    /** The kept channels' values of each point of full descriptors, row by row. */
    public float[] select(float[] full, int points) {
        int n = all.length();
        float[] kept = new float[points * channels.length];
        for (int p = 0; p < points; p++) {
            for (int c = 0; c < channels.length; c++) {
                kept[p * channels.length + c] = full[p * n + channels[c]];
            }
        }
        return kept;
    }

    @Override
    public int length() {
        return channels.length;
    }

    @Override
    public int reach() {
        return all.reach();
    }

    @Override
    public String channel(int index) {
        return all.channel(channels[index]);
    }

    @Override
    public void compute(QuantizedImage image, int[] xs, int[] ys, float[] out) {
        float[] full = new float[xs.length * ys.length * all.length()];
        all.compute(image, xs, ys, full);
        float[] kept = select(full, xs.length * ys.length);
        System.arraycopy(kept, 0, out, 0, kept.length);
    }
}
