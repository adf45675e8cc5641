package org.symseg.image;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was learnt from reading the last few files (their format, their TIFF structure), kept per
 * path while the file keeps its length and modification time. Every task reads one tile of one
 * frame, so without it each tile would read again what every other tile of the file read: on HDFS
 * or S3, round trips per tile. Shared by the tasks of one JVM.
 */
final class RememberedPerFile<V> {

    private final Map<String, V> remembered;

    RememberedPerFile(int files) {
        this.remembered = new LinkedHashMap<>(files, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > files;
            }
        };
    }

    /** What is remembered of this version of the file, or null. */
    V get(String path, long length, long modified) {
        synchronized (remembered) {
            return remembered.get(key(path, length, modified));
        }
    }

    /** What a reader of the file learns by {@code reading} it, remembered for this version of it. */
    V of(String path, ByteReader in, Reading<V> reading) throws java.io.IOException {
        V known = get(path, in.length(), in.modified());
        if (known == null) {
            known = reading.read();
            put(path, in.length(), in.modified(), known);
        }
        return known;
    }

    interface Reading<V> {
        V read() throws java.io.IOException;
    }

    void put(String path, long length, long modified, V value) {
        synchronized (remembered) {
            remembered.put(key(path, length, modified), value);
        }
    }

    private static String key(String path, long length, long modified) {
        return path + '\n' + length + '\n' + modified;
    }
}
