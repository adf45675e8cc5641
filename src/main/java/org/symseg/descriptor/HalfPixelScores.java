package org.symseg.descriptor;

/**
 * One operation's scores at the half-pixel positions of a compute call's box that some window
 * refines. Which positions those are follows from the whole-pixel scores alone, so they are all
 * marked first and scored afterwards, together ({@link HalfPixelScoring}), as many at a time as
 * a block has SIMD lanes.
 *
 * <p>Position (hx, hy) of the box's doubled grid is the patch of centring
 * {@code (hx & 1) + 2 (hy & 1)} at base pixel (hx / 2, hy / 2). Marks are kept as one bit per
 * base pixel for each centring, row by row, so the positions of a row and centring are found
 * word by word; scores only for marked positions, in the order of their bits.
 */
final class HalfPixelScores {

    private final int bw;
    private final int bh;
    private final int wordsPerRow;
    /** Bit x of row (c bh + y) is set when the patch of centring c at base pixel (x, y) is wanted. */
    private final long[] marks;
    /** Per word, the marked positions in the words before it; set once marking is over. */
    private int[] before;
    private float[] scores;

    /** Nothing marked yet over a box bw x bh base pixels. */
    HalfPixelScores(int bw, int bh) {
        this.bw = bw;
        this.bh = bh;
        this.wordsPerRow = (bw + 63) >>> 6;
        this.marks = new long[4 * bh * wordsPerRow];
    }

    int width() {
        return bw;
    }

    int height() {
        return bh;
    }

    /** Wants the position (hx, hy) scored. */
    void mark(int hx, int hy) {
        int x = hx >> 1;
        marks[word((hx & 1) + 2 * (hy & 1), hy >> 1, x)] |= 1L << x;
    }

    /** Ends marking: makes room for the marked positions' scores. */
    void seal() {
        before = new int[marks.length];
        int count = 0;
        for (int w = 0; w < marks.length; w++) {
            before[w] = count;
            count += Long.bitCount(marks[w]);
        }
        scores = new float[count];
    }

    /** The first base column from x on whose patch of centring c in row y is marked; bw if none. */
    int nextMarked(int c, int y, int x) {
        if (x >= bw) {
            return bw;
        }
        int w = word(c, y, x);
        int end = word(c, y, 0) + wordsPerRow;
        long bits = marks[w] & (-1L << x);
        while (bits == 0) {
            if (++w == end) {
                return bw;
            }
            bits = marks[w];
        }
        return ((w - end + wordsPerRow) << 6) + Long.numberOfTrailingZeros(bits);
    }

    boolean marked(int c, int y, int x) {
        return (marks[word(c, y, x)] & (1L << x)) != 0;
    }

    /** Stores the score of the marked patch of centring c at base pixel (x, y). */
    void put(int c, int y, int x, float score) {
        scores[index(word(c, y, x), x)] = score;
    }

    /** The score of the marked position (hx, hy). */
    float score(int hx, int hy) {
        int x = hx >> 1;
        return scores[index(word((hx & 1) + 2 * (hy & 1), hy >> 1, x), x)];
    }

    private int word(int c, int y, int x) {
        return (c * bh + y) * wordsPerRow + (x >> 6);
    }

    /** Where the score of bit x of word w is kept: after those of the lower marked bits. */
    private int index(int w, int x) {
        return before[w] + Long.bitCount(marks[w] & ((1L << x) - 1));
    }
}
