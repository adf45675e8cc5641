package org.symseg.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.symseg.image.PixelType;
import org.symseg.image.Rect;
import org.symseg.image.TiffFrameReader;
import org.symseg.image.TiffWriter;
import org.symseg.synth.Preset;

/** Writes test images: generated scenes, crops, label maps. */
public final class TestImages {

    private TestImages() {
    }

    /** Frames of one size and type as a (multi-page) TIFF. */
    public static Path write(Path path, PixelType type, int width, int height, List<float[]> frames)
            throws IOException {
        List<BufferedImage> pages = new ArrayList<>();
        for (float[] frame : frames) {
            pages.add(TiffWriter.grey(frame, width, height, type));
        }
        Files.createDirectories(path.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(path)) {
            TiffWriter.write(out, pages);
        }
        return path;
    }

    /** A preset's frames, generated with the given noise seed, written to {@code path}. */
    public static Path preset(Path path, Preset preset, long seed) throws IOException {
        return write(path, preset.type(), preset.width(), preset.height(), preset.generate(seed).frames());
    }

    /** The top-left size x size pixels of the first frame of a TIFF, as 16-bit. */
    public static Path crop(Path source, Path target, int size) throws IOException {
        float[] pixels = new TiffFrameReader().read(source.toString(), 0, new Rect(0, 0, size, size));
        return write(target, PixelType.UINT16, size, size, List.of(pixels));
    }
}
