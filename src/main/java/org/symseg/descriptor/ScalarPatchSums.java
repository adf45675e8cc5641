package org.symseg.descriptor;

/**
 * {@link PatchSums} one pixel at a time: the reference arithmetic, and the fallback where the JVM
 * has no vector module or the CPU no fused multiply-add ({@link MultiplyAdd}).
 */
final class ScalarPatchSums implements PatchSums {

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public void products(double[] v, int at, int[] first, int[] second, double[] out) {
        double s = 0;
        for (int i = 0; i < first.length; i++) {
            s += v[at + first[i]] * v[at + second[i]];
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
        for (int k = 0; k < offsets.length; k++) {
            double a = v[at + offsets[k]];
            double b = sample(v, at + taps[k], right, down, weight, 4 * k) - base;
            s += b;
            ss = MultiplyAdd.of(b, b, ss);
            sp = MultiplyAdd.of(a, b, sp);
        }
        sb[0] = s;
        sbb[0] = ss;
        sab[0] = sp;
    }

    @Override
    public void bilinearPair(double[] v, int at, int right, int down, int[] offsets, int[] opposite, int[] taps,
            double[] weight, double[] sb, double[] sbb, double[] sab, double[] sabOpposite) {
        double base = v[at];
        double s = 0;
        double ss = 0;
        double sp = 0;
        double so = 0;
        for (int k = 0; k < offsets.length; k++) {
            double a = v[at + offsets[k]];
            double ao = v[at + opposite[k]];
            double b = sample(v, at + taps[k], right, down, weight, 4 * k) - base;
            s += b;
            ss = MultiplyAdd.of(b, b, ss);
            sp = MultiplyAdd.of(a, b, sp);
            so = MultiplyAdd.of(ao, b, so);
        }
        sb[0] = s;
        sbb[0] = ss;
        sab[0] = sp;
        sabOpposite[0] = so;
    }

    @Override
    public void gather(double[] image, int[] corners, int[] places, int[] offsets, double[] into) {
        gatherLaneByLane(image, corners, 1, places, offsets, into);
    }

    /** {@link PatchSums#gather} for {@code lanes} lanes, one value at a time. */
    static void gatherLaneByLane(double[] image, int[] corners, int lanes, int[] places, int[] offsets,
            double[] into) {
        for (int lane = 0; lane < lanes; lane++) {
            int corner = corners[lane];
            for (int i = 0; i < places.length; i++) {
                into[places[i] + lane] = image[corner + offsets[i]];
            }
        }
    }

    /**
     * The bilinear sample whose 2 x 2 taps start at index i, weighted from weight[t]. The weights
     * sum to 1, so subtracting the base from the sample is the same as from every tap.
     */
    private static double sample(double[] v, int i, int right, int down, double[] weight, int t) {
        double b = v[i] * weight[t];
        b = MultiplyAdd.of(v[i + right], weight[t + 1], b);
        b = MultiplyAdd.of(v[i + down], weight[t + 2], b);
        return MultiplyAdd.of(v[i + down + right], weight[t + 3], b);
    }
}
