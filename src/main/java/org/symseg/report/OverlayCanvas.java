package org.symseg.report;

import java.awt.image.BufferedImage;

/**
 * Collects an overlay band by band as the rows of a frame go by, keeping one pixel in every
 * {@code step} x {@code step} block so a frame of any size gives an overlay of at most
 * {@code maxSide} pixels a side (full resolution when the frame is no larger).
 */
public final class OverlayCanvas {

    private final int step;
    private final int width;
    private final int height;
    private final float[] image;
    private final short[] labels;

    public OverlayCanvas(int frameWidth, int frameHeight, int maxSide) {
        step = Math.max(1, (Math.max(frameWidth, frameHeight) + maxSide - 1) / maxSide);
        width = (frameWidth + step - 1) / step;
        height = (frameHeight + step - 1) / step;
        image = new float[width * height];
        labels = new short[width * height];
    }

    /** Rows y0 .. y0 + rows - 1 of the frame: samples and labels, full width. */
    public void addBand(int y0, int rows, int frameWidth, float[] bandImage, short[] bandLabels) {
        for (int y = ceilTo(y0); y < y0 + rows; y += step) {
            int row = (y - y0) * frameWidth;
            int out = (y / step) * width;
            for (int x = 0, o = 0; x < frameWidth; x += step, o++) {
                image[out + o] = bandImage[row + x];
                labels[out + o] = bandLabels[row + x];
            }
        }
    }

    private int ceilTo(int y) {
        return (y + step - 1) / step * step;
    }

    public BufferedImage render() {
        return Overlay.render(image, labels, width, height);
    }
}
