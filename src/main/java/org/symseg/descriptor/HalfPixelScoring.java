package org.symseg.descriptor;

/**
 * Scores every marked half-pixel position of every operation ({@link HalfPixelScores}), one
 * centring at a time. A block of SIMD lanes scores a tile of two rows ({@link RowPairs}), as
 * the positions around a peak come in 2 x 2 squares and pairs along either axis. Each
 * operation's positions are covered greedily, row by row and left to right, by tiles placed at
 * the first uncovered one; tiles of the same row are visited in order, and a tile's original
 * sums are computed once for all the operations that score it. Two operations that share their
 * interpolation ({@link DiskScorer#partner}) are covered together, by tiles over the positions
 * either of them wants, so that each tile scores both at once. A lane gives the same bits as
 * the scalar path, so a position's score does not depend on the tile that computes it.
 */
final class HalfPixelScoring {

    /** Scorers by centring over the image as row pairs. */
    private final DiskScorer[] scorers;
    private final int bx;
    private final int by;
    /** A tile's rows and columns: lane l is pixel (l / rows, l % rows) of the tile. */
    private final int rows;
    private final int columns;

    /**
     * Over {@code pairs} and {@code rowSums}, the image, whose box starts at (bx, by);
     * {@code disks} and {@code tables} by centring, blocks of {@code block}.
     */
    HalfPixelScoring(RowPairs pairs, RowSums rowSums, Disk[] disks, SamplingTable[][] tables, PatchSums block,
            int bx, int by) {
        this.bx = bx;
        this.by = by;
        this.scorers = new DiskScorer[4];
        // centring 0 (whole pixels) is never refined
        for (int c = 1; c < 4; c++) {
            scorers[c] = DiskScorer.overRowPairs(pairs, rowSums, disks[c], tables[c], block);
        }
        this.rows = scorers[1].tileRows();
        this.columns = scorers[1].lanes() / rows;
    }

    /** Fills in the marked positions' scores; {@code half[o]} is operation o's. */
    void scoreAll(HalfPixelScores[] half) {
        int bw = half[0].width();
        int bh = half[0].height();
        int[][] tiles = new int[half.length][bw];
        int[] counts = new int[half.length];
        float[] block = new float[rows * columns];
        for (int c = 1; c < 4; c++) {
            if (bw < columns || bh < rows) {
                scoreOneByOne(half, c);
                continue;
            }
            for (int y = 0; y < bh; y++) {
                // tiles stay inside the box, where every centring reads inside the image
                int top = Math.min(y, bh - rows);
                for (int o = 0; o < half.length; o++) {
                    int partner = scorers[c].partner(o);
                    // a partner's positions are covered, and scored, with those of the first of the two
                    counts[o] = partner < 0 ? cover(c, y, top, tiles[o], half[o])
                            : partner > o ? cover(c, y, top, tiles[o], half[o], half[partner]) : 0;
                }
                scoreTiles(half, c, top, tiles, counts, block);
            }
        }
    }

    /**
     * Covers the uncovered positions of row y that any of {@code wanted} marks by tiles from row
     * {@code top}: their left columns into {@code tiles}, ascending; returns their count.
     */
    private int cover(int c, int y, int top, int[] tiles, HalfPixelScores... wanted) {
        int bw = wanted[0].width();
        int count = 0;
        for (int x = nextUncovered(c, y, 0, wanted); x < bw; ) {
            int left = Math.min(x, bw - columns);
            tiles[count++] = left;
            for (HalfPixelScores half : wanted) {
                for (int r = top; r < top + rows; r++) {
                    half.cover(c, r, left, columns);
                }
            }
            x = nextUncovered(c, y, left + columns, wanted);
        }
        return count;
    }

    private static int nextUncovered(int c, int y, int x, HalfPixelScores[] wanted) {
        int next = Integer.MAX_VALUE;
        for (HalfPixelScores half : wanted) {
            next = Math.min(next, half.nextUncovered(c, y, x));
        }
        return next;
    }

    /** Visits the operations' tiles in the order of their columns, each tile's originals once. */
    private void scoreTiles(HalfPixelScores[] half, int c, int top, int[][] tiles, int[] counts,
            float[] block) {
        DiskScorer scorer = scorers[c];
        int[] next = new int[half.length];
        while (true) {
            int left = Integer.MAX_VALUE;
            for (int o = 0; o < half.length; o++) {
                if (next[o] < counts[o]) {
                    left = Math.min(left, tiles[o][next[o]]);
                }
            }
            if (left == Integer.MAX_VALUE) {
                return;
            }
            scorer.enterBlock(bx + left, by + top);
            for (int o = 0; o < half.length; o++) {
                if (next[o] < counts[o] && tiles[o][next[o]] == left) {
                    next[o]++;
                    put(half[o], scorer, o, c, left, top, block);
                    int partner = scorer.partner(o);
                    if (partner >= 0) {
                        put(half[partner], scorer, partner, c, left, top, block);
                    }
                }
            }
        }
    }

    /** Scores operation o at the entered tile, keeping the scores of its marked positions. */
    private void put(HalfPixelScores half, DiskScorer scorer, int o, int c, int left, int top, float[] block) {
        scorer.scoreBlock(o, block);
        for (int lane = 0; lane < block.length; lane++) {
            int x = left + lane / rows;
            int y = top + lane % rows;
            if (half.marked(c, y, x)) {
                half.put(c, y, x, block[lane]);
            }
        }
    }

    /** A box smaller than a tile: its positions are scored one at a time. */
    private void scoreOneByOne(HalfPixelScores[] half, int c) {
        for (int o = 0; o < half.length; o++) {
            for (int y = 0; y < half[o].height(); y++) {
                for (int x = half[o].nextUncovered(c, y, 0); x < half[o].width();
                        x = half[o].nextUncovered(c, y, x + 1)) {
                    half[o].put(c, y, x, scorers[c].scoreOne(bx + x, by + y, o));
                }
            }
        }
    }
}
