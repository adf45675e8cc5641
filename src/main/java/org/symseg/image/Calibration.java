package org.symseg.image;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The physical size of one pixel, as the input's header states it. Metres (what TIA and Velox
 * store) are shown in nanometres, the scale of atomic-resolution images; other units are kept as
 * the file names them. {@link #NONE} stands for "the file does not say".
 */
public record Calibration(double pixelWidth, double pixelHeight, String unit) implements Serializable {

    public static final Calibration NONE = new Calibration(1, 1, "");

    /** A calibration from header values; anything unusable (no unit, zero, not finite) is NONE. */
    public static Calibration of(double pixelWidth, double pixelHeight, String unit) {
        String u = unit == null ? "" : unit.strip();
        double w = Math.abs(pixelWidth);
        double h = Math.abs(pixelHeight);
        if (u.isEmpty() || !(w > 0) || !(h > 0) || Double.isInfinite(w) || Double.isInfinite(h)) {
            return NONE;
        }
        return switch (u) {
            case "m", "meters", "metres" -> new Calibration(w * 1e9, h * 1e9, "nm");
            case "1/m", "1/meters" -> new Calibration(w * 1e-9, h * 1e-9, "1/nm");
            case "micron", "um", "\u03bcm" -> new Calibration(w, h, "\u00b5m");
            default -> new Calibration(w, h, u);
        };
    }

    public boolean known() {
        return !unit.isEmpty();
    }

    /** For the run manifest: pixel size and unit, or just {"unit": "none"}. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (known()) {
            map.put("pixelWidth", pixelWidth);
            map.put("pixelHeight", pixelHeight);
            map.put("unit", unit);
        } else {
            map.put("unit", "none");
        }
        return map;
    }
}
