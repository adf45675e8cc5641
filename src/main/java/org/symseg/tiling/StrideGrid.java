package org.symseg.tiling;

import java.io.Serializable;

/**
 * The global grid of stride points of one frame. Points lie every {@code stride} pixels, starting
 * {@code reach} pixels in from the top-left corner, and never closer than {@code reach} to any
 * border, so every descriptor reads real pixels only. Every pixel takes the label of its nearest
 * point; the border band beyond the outermost points takes the outermost points' labels.
 */
public record StrideGrid(int width, int height, int stride, int reach) implements Serializable {

    /** Smallest width or height that holds one stride point. */
    public int minimumSize() {
        return 2 * reach + 1;
    }

    public boolean fits() {
        return width >= minimumSize() && height >= minimumSize();
    }

    public int countX() {
        return count(width);
    }

    public int countY() {
        return count(height);
    }

    public long points() {
        return (long) countX() * countY();
    }

    private int count(int size) {
        return size < minimumSize() ? 0 : (size - minimumSize()) / stride + 1;
    }

    /** Pixel coordinate of point index i (the same along x and y). */
    public int coordinate(int index) {
        return reach + index * stride;
    }

    /** Index of the point nearest to pixel coordinate c, along an axis with {@code count} points. */
    public int nearest(int c, int count) {
        int i = Math.floorDiv(c - reach + stride / 2, stride);
        return Math.max(0, Math.min(count - 1, i));
    }

    /** First pixel coordinate whose nearest point is index i. */
    public int firstPixel(int index) {
        return index == 0 ? 0 : reach + index * stride - stride / 2;
    }

    /** One past the last pixel whose nearest point is index i, on an axis of the given size. */
    public int endPixel(int index, int count, int size) {
        return index == count - 1 ? size : firstPixel(index + 1);
    }
}
