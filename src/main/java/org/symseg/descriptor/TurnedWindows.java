package org.symseg.descriptor;

import java.util.Arrays;

/**
 * The pooling windows of one compute call on the grid turned to one mirror line
 * ({@link MirrorGrid}): each point's window is the (2h + 1)^2 grid points around the grid point
 * nearest it. Fixes the grid's extent, and which part of it the windows need: per strip of
 * {@link MirrorLineScores#STRIP} grid rows the columns whose scores some window takes, and per
 * column the rows whose samples those scores read. The turned box of a tile's points holds up to
 * twice as many grid points as their windows.
 */
final class TurnedWindows {

    /** Per point (j * xs.length + i), the grid indices of its window's centre. */
    final int[] centreA;
    final int[] centreT;
    /** The grid: its first grid point, in the frame's grid coordinates, and its size. */
    final int firstA;
    final int firstT;
    final int countA;
    final int countT;
    /** Scores are wanted at grid rows [firstRow, endRow). */
    final int firstRow;
    final int endRow;
    /** Per strip, the first and last grid column scored on its rows (first > last: none). */
    final int[] stripFirst;
    final int[] stripLast;
    /** Per grid column, the rows [readFrom, readTo) whose samples the scored disks read. */
    final int[] readFrom;
    final int[] readTo;

    /** The windows of half-size h about the points (xs[i], ys[j]) of the image, disks of {@code radius}. */
    TurnedWindows(QuantizedImage image, int[] xs, int[] ys, double cos, double sin, int h, int radius) {
        int points = xs.length * ys.length;
        int[] a = new int[points];
        int[] t = new int[points];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                double x = xs[i] + image.originX();
                double y = ys[j] + image.originY();
                a[j * xs.length + i] = (int) Math.round(x * cos + y * sin);
                t[j * xs.length + i] = (int) Math.round(y * cos - x * sin);
            }
        }
        int minA = Arrays.stream(a).min().orElseThrow();
        int minT = Arrays.stream(t).min().orElseThrow();
        int spanA = Arrays.stream(a).max().orElseThrow() - minA + 2 * h + 1;
        int spanT = Arrays.stream(t).max().orElseThrow() - minT + 2 * h + 1;
        // room for the disks about every window's grid points, and the column before the first
        firstA = minA - h - radius - 1;
        firstT = minT - h - radius;
        countA = spanA + 2 * radius + 1;
        countT = spanT + 2 * radius;
        firstRow = radius;
        endRow = radius + spanT;
        for (int p = 0; p < points; p++) {
            a[p] -= firstA;
            t[p] -= firstT;
        }
        centreA = a;
        centreT = t;
        int strips = (spanT + MirrorLineScores.STRIP - 1) / MirrorLineScores.STRIP;
        stripFirst = new int[strips];
        stripLast = new int[strips];
        readFrom = new int[countA];
        readTo = new int[countA];
        coverStrips(h);
        Arrays.fill(readFrom, countT);
        for (int k = 0; k < strips; k++) {
            for (int ia = stripFirst[k] - radius; ia <= stripLast[k] + radius; ia++) {
                readFrom[ia] = Math.min(readFrom[ia], stripStart(k) - radius);
                readTo[ia] = Math.max(readTo[ia], stripEnd(k) + radius);
            }
        }
    }

    /** The first and last column of the windows on each strip's rows. */
    private void coverStrips(int h) {
        Arrays.fill(stripFirst, Integer.MAX_VALUE);
        Arrays.fill(stripLast, Integer.MIN_VALUE);
        for (int p = 0; p < centreA.length; p++) {
            int fromStrip = (centreT[p] - h - firstRow) / MirrorLineScores.STRIP;
            int toStrip = (centreT[p] + h - firstRow) / MirrorLineScores.STRIP;
            for (int k = fromStrip; k <= toStrip; k++) {
                stripFirst[k] = Math.min(stripFirst[k], centreA[p] - h);
                stripLast[k] = Math.max(stripLast[k], centreA[p] + h);
            }
        }
    }

    /** The first column any strip scores. */
    int firstColumn() {
        return Arrays.stream(stripFirst).min().orElseThrow();
    }

    /** The last column any strip scores. */
    int lastColumn() {
        return Arrays.stream(stripLast).max().orElseThrow();
    }

    int strips() {
        return stripFirst.length;
    }

    int stripStart(int k) {
        return firstRow + k * MirrorLineScores.STRIP;
    }

    int stripEnd(int k) {
        return Math.min(stripStart(k) + MirrorLineScores.STRIP, endRow);
    }
}
