package org.symseg.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.symseg.image.PixelType;

/**
 * The synthetic test images symseg ships in {@code test-data/}, each with its ground truth.
 * Regenerated with {@code submit/symseg synth --out test-data}.
 */
public enum Preset {

    /** Square and hexagonal lattices either side of a wavy vertical boundary. */
    TWO_PHASE("two-phase", 320, 320, 1, PixelType.UINT16) {
        @Override
        SyntheticImage.Domains domains(int frame) {
            return (x, y) -> x < width() * (0.5 + 0.08 * Math.sin(2 * Math.PI * y / height())) ? 0 : 1;
        }
    },
    /** The same two phases over three frames, the boundary moving right by 15% a frame. */
    TWO_PHASE_SERIES("two-phase-series", 256, 256, 3, PixelType.UINT8) {
        @Override
        SyntheticImage.Domains domains(int frame) {
            double at = 0.35 + 0.15 * frame;
            return (x, y) -> x < width() * (at + 0.05 * Math.sin(2 * Math.PI * y / height())) ? 0 : 1;
        }
    },
    /** Three lattices meeting at a triple junction in the centre, 120 degree sectors. */
    THREE_GRAINS("three-grains", 384, 384, 1, PixelType.UINT8) {
        @Override
        List<Lattice> lattices() {
            return List.of(Lattice.hexagonal(12, 0, 2.2).shiftedTo(2.4, 7.1),
                    Lattice.square(11, 25, 2.0).shiftedTo(5.5, 1.3),
                    Lattice.rectangular(10, 15, 60, 2.0).shiftedTo(0.7, 3.6));
        }

        @Override
        SyntheticImage.Domains domains(int frame) {
            double cx = width() / 2.0;
            double cy = height() / 2.0;
            return (x, y) -> {
                double angle = Math.atan2(y - cy, x - cx) + Math.PI / 2 + 4 * Math.PI;
                return (int) ((angle % (2 * Math.PI)) / (2 * Math.PI / 3)) % 3;
            };
        }
    },
    /**
     * Two grains of one crystal (a centred square lattice, whose mirror lines run along its axes
     * and diagonals) turned 30 degrees to each other across a straight, slightly inclined grain
     * boundary, at sub-pixel origins: the synthetic stand-in for the paper's Fig. 6.
     */
    GRAIN_BOUNDARY("grain-boundary", 256, 256, 1, PixelType.UINT8) {
        @Override
        List<Lattice> lattices() {
            return List.of(Lattice.centredSquare(12, 0, 2.2, 0.5).shiftedTo(2.6, 4.3),
                    Lattice.centredSquare(12, 30, 2.2, 0.5).shiftedTo(7.1, 0.8));
        }

        @Override
        SyntheticImage.Domains domains(int frame) {
            return (x, y) -> x < boundaryX(y) ? 0 : 1;
        }
    };

    /** Where the grain boundary of {@link #GRAIN_BOUNDARY} crosses row y. */
    public double boundaryX(double y) {
        return width() * 0.5 + 0.15 * (y - height() / 2.0);
    }

    /** Standard deviation of the added noise, relative to an atom's peak. */
    static final double NOISE = 0.15;

    private final String fileName;
    private final int width;
    private final int height;
    private final int frames;
    private final PixelType type;

    Preset(String fileName, int width, int height, int frames, PixelType type) {
        this.fileName = fileName;
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.type = type;
    }

    /** One frame's domain map. */
    abstract SyntheticImage.Domains domains(int frame);

    /** Square (a = 12 px) and hexagonal (a = 13 px, turned 12 degrees), at sub-pixel origins. */
    List<Lattice> lattices() {
        return List.of(Lattice.square(12, 0, 2.2).shiftedTo(3.3, 5.7),
                Lattice.hexagonal(13, 12, 2.2).shiftedTo(1.1, 2.9));
    }

    public String fileName() {
        return fileName;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public PixelType type() {
        return type;
    }

    public int domainCount() {
        return lattices().size();
    }

    public static Preset named(String name) {
        for (Preset preset : values()) {
            if (preset.fileName.equals(name)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("no preset '" + name + "'");
    }

    /** The frames as counts of the preset's pixel type, and their ground truth. */
    public Sample generate(long seed) {
        Random random = new Random(seed);
        int max = type == PixelType.UINT8 ? 255 : 65535;
        List<float[]> images = new ArrayList<>();
        List<short[]> truths = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            SyntheticImage.Domains domains = domains(f);
            float[] image = SyntheticImage.render(width, height, lattices(), domains, NOISE, random);
            images.add(SyntheticImage.toCounts(image, max));
            truths.add(SyntheticImage.truth(width, height, domains));
        }
        return new Sample(this, images, truths);
    }

    /** Generated frames with their ground-truth domain maps. */
    public record Sample(Preset preset, List<float[]> frames, List<short[]> truth) {
    }
}
