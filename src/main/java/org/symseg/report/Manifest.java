package org.symseg.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes the run manifest: effective configuration, inputs, timings and versions, as JSON. */
public final class Manifest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private Manifest() {
    }

    public static void write(OutputStream out, Map<String, Object> manifest) throws IOException {
        JSON.writeValue(out, manifest);
    }

    public static Map<?, ?> read(java.io.InputStream in) throws IOException {
        return JSON.readValue(in, Map.class);
    }
}
