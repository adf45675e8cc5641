package org.symseg.synth;

import java.util.List;
import java.util.Random;

/**
 * Renders images of several crystal domains: each domain is one lattice, and an atom is drawn
 * when its centre lies in its domain. The ground truth is the domain of each pixel centre.
 */
public final class SyntheticImage {

    /** Which domain (index into the lattice list) a point belongs to. */
    @FunctionalInterface
    public interface Domains {
        int at(double x, double y);
    }

    private SyntheticImage() {
    }

    /** Atom intensities (peak about 1) plus Gaussian noise of the given standard deviation. */
    public static float[] render(int width, int height, List<Lattice> lattices, Domains domains,
            double noise, Random random) {
        return render(0, 0, width, height, lattices, domains, noise, random);
    }

    /** The region [x0, x0 + width) x [y0, y0 + height) of the scene, so any size renders piecewise. */
    public static float[] render(int x0, int y0, int width, int height, List<Lattice> lattices,
            Domains domains, double noise, Random random) {
        float[] image = new float[width * height];
        for (int d = 0; d < lattices.size(); d++) {
            Lattice lattice = lattices.get(d);
            int domain = d;
            double reach = 3.5 * lattice.sigma();
            lattice.forEachAtom(x0, y0, width, height, reach, (x, y, brightness) -> {
                if (domains.at(x, y) == domain) {
                    splat(image, width, height, x - x0, y - y0, lattice.sigma(), brightness, reach);
                }
            });
        }
        for (int i = 0; i < image.length; i++) {
            image[i] += (float) (noise * random.nextGaussian());
        }
        return image;
    }

    public static short[] truth(int width, int height, Domains domains) {
        short[] mask = new short[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mask[y * width + x] = (short) domains.at(x, y);
            }
        }
        return mask;
    }

    private static void splat(float[] image, int width, int height, double cx, double cy,
            double sigma, double brightness, double reach) {
        int x0 = Math.max(0, (int) Math.floor(cx - reach));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx + reach));
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + reach));
        double inv = 1.0 / (2 * sigma * sigma);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx;
                double dy = y - cy;
                image[y * width + x] += (float) (brightness * Math.exp(-(dx * dx + dy * dy) * inv));
            }
        }
    }

    /** Maps intensities to whole numbers in [0, max]: background near 5%, atom peaks near 75%. */
    public static float[] toCounts(float[] image, int max) {
        float[] counts = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            double v = Math.rint(max * (0.05 + 0.7 * image[i]));
            counts[i] = (float) Math.max(0, Math.min(max, v));
        }
        return counts;
    }
}
