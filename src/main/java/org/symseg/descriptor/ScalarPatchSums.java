package org.symseg.descriptor;

/** {@link PatchSums} one pixel at a time: the reference arithmetic, and the fallback. */
final class ScalarPatchSums implements PatchSums {

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public void products(double[] v, int at, int[] first, int[] second, double[] out) {
        double base = v[at];
        double s = 0;
        for (int i = 0; i < first.length; i++) {
            s += (v[at + first[i]] - base) * (v[at + second[i]] - base);
        }
        out[0] = s;
    }

    @Override
    public void bilinear(double[] v, int at, int right, int down, int[] offsets, int[] taps, double[] weight,
            double[] sb, double[] sbb, double[] sab) {
        double base = v[at];
        double s = 0;
        double ss = 0;
        double sp = 0;
        for (int k = 0, t = 0; k < offsets.length; k++, t += 4) {
            double a = v[at + offsets[k]] - base;
            int i = at + taps[k];
            // the weights sum to 1, so subtracting the base once is the same as from every tap
            double b = v[i] * weight[t] + v[i + right] * weight[t + 1] + v[i + down] * weight[t + 2]
                    + v[i + down + right] * weight[t + 3] - base;
            s += b;
            ss += b * b;
            sp += a * b;
        }
        sb[0] = s;
        sbb[0] = ss;
        sab[0] = sp;
    }
}
