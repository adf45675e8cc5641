package org.symseg.synth;

import java.io.File;
import java.io.IOException;
import java.util.Random;
import org.symseg.image.TiledFloatTiffWriter;

/**
 * A two-phase scene of any size (the lattices of {@link Preset#TWO_PHASE}, a wavy boundary down
 * the middle), rendered tile by tile into a tiled float TIFF: benchmark input larger than memory.
 */
public final class LargeScene {

    private static final int TILE = 512;

    private LargeScene() {
    }

    public static void write(File target, int size, long seed) throws IOException {
        SyntheticImage.Domains domains = (x, y) ->
                x < size * (0.5 + 0.08 * Math.sin(2 * Math.PI * y / size)) ? 0 : 1;
        int tiles = (size + TILE - 1) / TILE;
        try (TiledFloatTiffWriter writer = new TiledFloatTiffWriter(target, size, size, TILE)) {
            for (int ty = 0; ty < tiles; ty++) {
                for (int tx = 0; tx < tiles; tx++) {
                    // noise seeded per tile, so the scene does not depend on the order tiles are made
                    Random random = new Random(seed * 1_000_003L + (long) ty * tiles + tx);
                    writer.writeTile(tx, ty, SyntheticImage.render(tx * TILE, ty * TILE, TILE, TILE,
                            Preset.TWO_PHASE.lattices(), domains, Preset.NOISE, random));
                }
            }
        }
    }
}
