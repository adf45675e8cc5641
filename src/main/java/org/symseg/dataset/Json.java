package org.symseg.dataset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.symseg.image.Storage;

/**
 * JSON files of a run (manifest, per-input records, model), written whole under a temporary
 * name and renamed, so a reader never sees half a file. Output is indented and has a fixed key
 * order, so equal content gives equal bytes.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    public static byte[] bytes(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    public static void write(String path, Object value) throws IOException {
        writeBytes(path, bytes(value));
    }

    /** Any run file (JSON, the HTML report): written under a temporary name, then renamed. */
    public static void writeBytes(String path, byte[] data) throws IOException {
        String partial = partialName(path);
        try (OutputStream out = Storage.create(partial)) {
            out.write(data);
        }
        Storage.replace(partial, path);
    }

    public static <T> T read(String path, Class<T> type) throws IOException {
        try (InputStream in = Storage.open(path)) {
            return MAPPER.readValue(in, type);
        }
    }

    /** SHA-256 of a value's JSON form, as hex: a fingerprint of settings or a model. */
    public static String sha256(Object value) throws IOException {
        return sha256(bytes(value));
    }

    public static String sha256(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String partialName(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + ".partial";
    }
}
