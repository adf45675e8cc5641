package org.symseg.descriptor;

/**
 * Scores every marked half-pixel position of every operation ({@link HalfPixelScores}), one
 * centring at a time. The positions an operation wants are taken row by row, left to right, as
 * many at a time as a block has SIMD lanes, and their patches gathered side by side
 * ({@link GatheredPatches}), so that every lane but those of a centring's last block scores a
 * wanted position. Two operations that share their interpolation ({@link DiskScorer#partner})
 * are scored together, at the positions either of them wants, so that each block scores both at
 * once. A lane gives the same bits as the scalar path, so a position's score does not depend on
 * the block that computes it.
 */
final class HalfPixelScoring {

    /** Scorers by centring over the gathered patches. */
    private final DiskScorer[] scorers;
    private final GatheredPatches patches;
    /** By centring and operation, what scoring the operation (and its partner, if first) reads. */
    private final GatheredPatches.Cells[][] cells;
    private final int bx;
    private final int by;
    /** The base pixels of the block being filled, in the image. */
    private final int[] xs;
    private final int[] ys;
    private final float[] block;

    /**
     * Over the image's {@code values} (row-major, rows {@code stride} apart) and their
     * {@code rowSums}, with the box at (bx, by); {@code disks} and {@code tables} by centring, whose
     * samples and taps lie within {@code reach} of the base pixel; blocks of {@code sums}.
     */
    HalfPixelScoring(double[] values, int stride, int reach, RowSums rowSums, Disk[] disks, SamplingTable[][] tables,
            PatchSums sums, int bx, int by) {
        this.bx = bx;
        this.by = by;
        int lanes = sums.lanes();
        this.patches = new GatheredPatches(values, stride, reach, sums);
        this.scorers = new DiskScorer[4];
        // centring 0 (whole pixels) is never refined
        this.cells = new GatheredPatches.Cells[4][];
        for (int c = 1; c < 4; c++) {
            scorers[c] = DiskScorer.overGathered(patches, rowSums, disks[c], tables[c], sums);
            cells[c] = new GatheredPatches.Cells[tables[c].length];
            for (int o = 0; o < tables[c].length; o++) {
                cells[c][o] = patches.cells(disks[c], tables[c][o]);
            }
        }
        this.xs = new int[lanes];
        this.ys = new int[lanes];
        this.block = new float[lanes];
    }

    /** Fills in the marked positions' scores; {@code half[o]} is operation o's. */
    void scoreAll(HalfPixelScores[] half) {
        for (int c = 1; c < 4; c++) {
            for (int o = 0; o < half.length; o++) {
                int partner = scorers[c].partner(o);
                // a partner's positions are scored with those of the first of the two
                if (partner < 0) {
                    score(c, o, half[o], -1, null);
                } else if (partner > o) {
                    score(c, o, half[o], partner, half[partner]);
                }
            }
        }
    }

    /** Scores operation o, and its partner if not -1, at the positions of centring c either wants. */
    private void score(int c, int o, HalfPixelScores wanted, int partner, HalfPixelScores partnerWanted) {
        int count = 0;
        for (int y = 0; y < wanted.height(); y++) {
            for (int x = next(c, y, 0, wanted, partnerWanted); x < wanted.width();
                    x = next(c, y, x + 1, wanted, partnerWanted)) {
                xs[count] = bx + x;
                ys[count] = by + y;
                if (++count == block.length) {
                    scoreBlock(c, o, wanted, partner, partnerWanted, count);
                    count = 0;
                }
            }
        }
        if (count > 0) {
            scoreBlock(c, o, wanted, partner, partnerWanted, count);
        }
    }

    private static int next(int c, int y, int x, HalfPixelScores wanted, HalfPixelScores partnerWanted) {
        int next = wanted.nextMarked(c, y, x);
        return partnerWanted == null ? next : Math.min(next, partnerWanted.nextMarked(c, y, x));
    }

    private void scoreBlock(int c, int o, HalfPixelScores wanted, int partner, HalfPixelScores partnerWanted,
            int count) {
        DiskScorer scorer = scorers[c];
        patches.gather(xs, ys, count, cells[c][o]);
        scorer.enter(patches.at(), xs, ys, count);
        put(scorer, o, c, wanted, count);
        if (partner >= 0) {
            put(scorer, partner, c, partnerWanted, count);
        }
    }

    /** Scores operation o at the entered block, keeping the scores of the positions it wants. */
    private void put(DiskScorer scorer, int o, int c, HalfPixelScores wanted, int count) {
        scorer.scoreBlock(o, block);
        for (int lane = 0; lane < count; lane++) {
            int x = xs[lane] - bx;
            int y = ys[lane] - by;
            if (wanted.marked(c, y, x)) {
                wanted.put(c, y, x, block[lane]);
            }
        }
    }
}
