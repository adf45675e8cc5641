package org.symseg.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symseg.config.ConfigLoader;
import org.symseg.config.SegmentConfig;
import org.symseg.descriptor.Descriptor;
import org.symseg.descriptor.Quantizer;
import org.symseg.descriptor.SelectedChannels;
import org.symseg.model.ClassMoments;
import org.symseg.model.KSelection;
import org.symseg.model.LocalFit;
import org.symseg.model.SegmentationModel;
import org.symseg.tiling.StrideGrid;
import org.symseg.tiling.Tile;
import org.symseg.tiling.TileGrid;
import org.symseg.tiling.Upsampler;

/**
 * symseg as a library, without Spark: segments one greyscale image held in memory, for use inside
 * other Java imaging tools.
 *
 * <pre>{@code
 * Segmenter segmenter = Segmenter.builder().patterns(3).stride(4).build();
 * int[] labels = segmenter.segment(pixels, width, height);   // label of each pixel, row by row
 * }</pre>
 *
 * Settings and their defaults are those of the command line ({@code conf/symseg.properties}) and
 * are checked the same way: a bad value throws {@link org.symseg.config.ConfigException} naming
 * it. Descriptors, stride grid and upsampling are the pipeline's own code; the fit is
 * {@link LocalFit} (PCA by Householder and QL, seeded k-means++), so labels are deterministic and
 * ordered by pattern size (label 0 is the largest). With {@code select-best N} the fit is
 * repeated on the N descriptor channels that separate the first fit's patterns best (Fisher
 * separability), as the command line does. The image and all its stride points' descriptors are
 * held in memory: about 4 x descriptor length bytes per stride point. Instances are immutable and
 * may be shared between threads.
 */
public final class Segmenter {

    private final SegmentConfig config;

    private Segmenter(SegmentConfig config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings in use, defaults included. */
    public Map<String, Object> settings() {
        return config.resultSettings();
    }

    /**
     * Labels 0..patterns-1 for every pixel of a {@code width} x {@code height} image given row by
     * row. Pixels may be any finite values (counts, floats); they are mapped onto 16 bits by the
     * image's range, which leaves the correlation descriptors unchanged.
     *
     * @throws IllegalArgumentException when the image is smaller than the descriptor's reach
     */
    public int[] segment(float[] pixels, int width, int height) {
        return run(pixels, width, height).labels();
    }

    /**
     * A segmentation: the label of every pixel, the number of patterns (chosen when a range was
     * given) and the names of the descriptor channels the final fit used.
     */
    public record Segmentation(int[] labels, int patterns, List<String> channels) {
    }

    /** As {@link #segment}, with the number of patterns and the channels used. */
    public Segmentation run(float[] pixels, int width, int height) {
        if (width < 1 || height < 1 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " image");
        }
        Descriptor descriptor = config.createDescriptor();
        StrideGrid grid = new StrideGrid(width, height, config.stride(), descriptor.reach());
        if (!grid.fits()) {
            throw new IllegalArgumentException(width + "x" + height + " is smaller than the "
                    + "descriptor's reach allows: at least " + grid.minimumSize() + "x"
                    + grid.minimumSize() + " is needed for reach " + grid.reach());
        }
        // one tile whose core is the whole image
        List<Tile> tiles = TileGrid.tiles(0, 0, grid, Math.max(width, height));
        if (tiles.size() != 1) {
            throw new IllegalStateException("expected one tile, got " + tiles.size());
        }
        Tile tile = tiles.get(0);
        int length = descriptor.length();
        float[] descriptors = new float[tile.points() * length];
        double[] range = Quantizer.finiteRange(pixels);
        descriptor.compute(Quantizer.forRange(range[0], range[1]).apply(pixels, width, height),
                tile.localXs(grid), tile.localYs(grid), descriptors);
        SegmentationModel model = fit(descriptors, tile.points(), length);
        if (config.selectBest() > 0) {
            int[] best = moments(model, descriptors, tile.points()).best(config.selectBest(), length);
            SelectedChannels selected = new SelectedChannels(descriptor, best);
            descriptor = selected;
            descriptors = selected.select(descriptors, tile.points());
            model = fit(descriptors, tile.points(), best.length);
        }
        short[] labels = Upsampler.upsample(tile, grid, model.labels(descriptors, tile.points()));
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i] & 0xffff;
        }
        List<String> channels = new ArrayList<>();
        for (int c = 0; c < descriptor.length(); c++) {
            channels.add(descriptor.channel(c));
        }
        return new Segmentation(out, model.patterns(), List.copyOf(channels));
    }

    private SegmentationModel fit(float[] descriptors, int points, int length) {
        LocalFit.Projected projected = LocalFit.project(descriptors, points, length, config.pca());
        int patterns = config.autoK() ? KSelection.bySilhouette(projected.features(), config.kMin(),
                config.kMax(), config.seed()).chosen() : config.k();
        return LocalFit.cluster(projected, patterns, config.seed());
    }

    /** Each channel's moments per pattern of {@code model}, for the Fisher ranking. */
    private static ClassMoments moments(SegmentationModel model, float[] descriptors, int points) {
        int[] offsets = new int[points];
        for (int p = 0; p < points; p++) {
            offsets[p] = p * model.descriptorLength();
        }
        return ClassMoments.byPattern(model, descriptors, offsets, false);
    }

    /** Settings by name; anything not set keeps its default. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /** Number of patterns (k-means clusters). */
        public Builder patterns(int k) {
            return set("k", k);
        }

        /** Choose the number of patterns between kMin and kMax by silhouette, as {@code --k auto}. */
        public Builder patterns(int kMin, int kMax) {
            return set("k", "auto").set("k-min", kMin).set("k-max", kMax);
        }

        /** Pixels between stride points; labels are upsampled to every pixel. */
        public Builder stride(int pixels) {
            return set("stride", pixels);
        }

        /** Patch half-size: patches are (2P+1) x (2P+1) pixels. */
        public Builder patch(int half) {
            return set("patch", half);
        }

        /** Translation window half-size. */
        public Builder window(int half) {
            return set("window", half);
        }

        /** Number of translation shifts: the descriptor length. */
        public Builder shifts(int count) {
            return set("shifts", count);
        }

        /** Principal components kept for k-means. */
        public Builder components(int count) {
            return set("pca", count);
        }

        public Builder seed(long seed) {
            return set("seed", seed);
        }

        /** Any other setting by its configuration key, as in {@code conf/symseg.properties}. */
        public Builder set(String key, Object value) {
            settings.put(key, String.valueOf(value));
            return this;
        }

        /** @throws org.symseg.config.ConfigException naming a bad value */
        public Segmenter build() {
            return new Segmenter(ConfigLoader.load(null, settings));
        }
    }
}
