package org.symseg.image;

import java.io.Serializable;

/** A rectangle of pixels: top-left corner (x, y), width and height. */
public record Rect(int x, int y, int width, int height) implements Serializable {

    public Rect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + height);
        }
    }

    public int endX() {
        return x + width;
    }

    public int endY() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    public boolean contains(Rect other) {
        return other.x >= x && other.y >= y && other.endX() <= endX() && other.endY() <= endY();
    }

    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
