package org.symseg.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock time per stage of a run, for the manifest. */
final class Stopwatch {

    private final long start = System.nanoTime();
    private long last = start;
    private final Map<String, Long> laps = new LinkedHashMap<>();

    void lap(String stage) {
        long now = System.nanoTime();
        laps.put(stage, (now - last) / 1_000_000);
        last = now;
    }

    Map<String, Long> laps() {
        Map<String, Long> all = new LinkedHashMap<>(laps);
        all.put("total", (System.nanoTime() - start) / 1_000_000);
        return all;
    }
}
