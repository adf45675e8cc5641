package org.symseg.descriptor;

/**
 * The neighbourhoods of a few pixels from anywhere in an image, copied side by side: the value
 * at (dx, dy) from the first pixel, then the one at (dx, dy) from the second, and so on. So a
 * block of SIMD lanes reads the same sample of patches centred far apart as one contiguous
 * vector. The half-pixel positions that pooling refines lie a few around each peak, rarely next
 * to another peak's, so blocks of neighbouring pixels would leave most of their lanes idle;
 * gathered, each block scores as many wanted positions as it has lanes.
 */
final class GatheredPatches {

    private final double[] image;
    private final int stride;
    private final PatchSums sums;
    private final int lanes;
    /** How far from its pixel, along x or y, a neighbourhood reaches. */
    private final int reach;
    private final int side;
    private final double[] values;
    /** The neighbourhoods' top left corners in the image, lane by lane, for {@link #sums}. */
    private final int[] corners;

    /**
     * Room for as many neighbourhoods of {@code reach} of {@code image} (row-major, rows
     * {@code stride} apart) as a block of {@code sums} has lanes; {@code sums} gathers full blocks.
     */
    GatheredPatches(double[] image, int stride, int reach, PatchSums sums) {
        this.image = image;
        this.stride = stride;
        this.sums = sums;
        this.lanes = sums.lanes();
        this.reach = reach;
        this.side = 2 * reach + 1;
        this.values = new double[side * side * lanes];
        this.corners = new int[lanes];
    }

    double[] values() {
        return values;
    }

    /** Index step to the pixel on the right. */
    int right() {
        return lanes;
    }

    /** Index step to the pixel below. */
    int down() {
        return side * lanes;
    }

    /** Index of the first gathered pixel's own value; the others' follow it. */
    int at() {
        return reach * down() + reach * right();
    }

    /**
     * Copies the {@code cells} of the neighbourhoods of the pixels (xs[i], ys[i]), i below
     * {@code count}, into lanes 0 to count - 1; those pixels lie at least {@code reach} inside the
     * image. The other lanes, and the other cells, keep what they held.
     */
    void gather(int[] xs, int[] ys, int count, Cells cells) {
        for (int lane = 0; lane < count; lane++) {
            corners[lane] = corner(xs[lane], ys[lane]);
            // the SIMD gather checks no index (as launched): each neighbourhood is checked whole
            if (corners[lane] < 0 || corners[lane] + (side - 1) * stride + side > image.length) {
                throw new IndexOutOfBoundsException("the neighbourhood of (" + xs[lane] + ", " + ys[lane]
                        + ") reaches outside the image");
            }
        }
        if (count == lanes) {
            sums.gather(image, corners, cells.places, cells.offsets, values);
        } else {
            // a centring's last block, not full
            ScalarPatchSums.gatherLaneByLane(image, corners, count, cells.places, cells.offsets, values);
        }
    }

    /** Index in the image of the top left corner of the neighbourhood of pixel (x, y). */
    private int corner(int x, int y) {
        return (y - reach) * stride + x - reach;
    }

    /**
     * The cells that scoring {@code table}'s operation on {@code disk} reads: the disk's samples
     * (the opposite ones too), the table's taps, and the pixel itself, as samples are taken
     * relative to its value. Of two partners, the first interpolates for both, at its own taps.
     */
    Cells cells(Disk disk, SamplingTable table) {
        boolean[] needed = new boolean[side * side];
        need(needed, 0, 0);
        for (int k = 0; k < disk.size(); k++) {
            need(needed, disk.u(k), disk.v(k));
        }
        for (int t = 0; t < table.dx.length; t++) {
            need(needed, table.dx[t], table.dy[t]);
        }
        // row by row, so that the copy reads each row of the image in order
        int[] cells = java.util.stream.IntStream.range(0, needed.length).filter(i -> needed[i]).toArray();
        int[] places = new int[cells.length];
        int[] offsets = new int[cells.length];
        for (int i = 0; i < cells.length; i++) {
            places[i] = cells[i] * lanes;
            offsets[i] = cells[i] / side * stride + cells[i] % side;
        }
        return new Cells(places, offsets);
    }

    private void need(boolean[] needed, int dx, int dy) {
        if (Math.abs(dx) > reach || Math.abs(dy) > reach) {
            throw new IllegalArgumentException("(" + dx + ", " + dy + ") lies beyond the reach " + reach);
        }
        needed[(dy + reach) * side + dx + reach] = true;
    }

    /**
     * Values of a neighbourhood that {@link #gather} copies: their indices in the first lane
     * and their offsets in the image from the neighbourhood's corner.
     */
    record Cells(int[] places, int[] offsets) {
    }
}
