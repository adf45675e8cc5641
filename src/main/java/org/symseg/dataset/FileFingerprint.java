package org.symseg.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.hadoop.fs.FileStatus;
import org.symseg.image.Storage;

/**
 * What identifies a file's content for reprocessing: size and modification time (cheap), and a
 * SHA-256 of the bytes (certain), compared only when size or time differ.
 */
public record FileFingerprint(String path, long size, long modified, String sha256)
        implements Serializable {

    /** Size and time only. */
    public static FileFingerprint quick(String path) throws IOException {
        FileStatus status = Storage.status(path);
        return new FileFingerprint(path, status.getLen(), status.getModificationTime(), null);
    }

    public static FileFingerprint full(String path) throws IOException {
        FileFingerprint quick = quick(path);
        return new FileFingerprint(path, quick.size, quick.modified, sha256Of(path));
    }

    public boolean sameSizeAndTime(FileFingerprint other) {
        return path.equals(other.path) && size == other.size && modified == other.modified;
    }

    public static String sha256Of(String path) throws IOException {
        MessageDigest digest = Json.digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Storage.open(path)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
