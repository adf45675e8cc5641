package org.symseg.dataset;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Map;
import org.symseg.image.ImageFormatException;
import org.symseg.image.Storage;
import org.symseg.model.SegmentationModel;

/**
 * A fitted model on disk: {@code DIR/model.json} holds the settings it was fitted with (and their
 * hash), the PCA basis and the centres in label order. No timestamps, so the same fit gives the
 * same bytes and the same model hash.
 */
public final class ModelStore {

    public static final String FILE = "model.json";
    static final String FORMAT = "symseg-model/1";

    /** The JSON layout of {@code model.json}. */
    public record ModelFile(String format, Map<String, Object> settings, String settingsHash,
            int patterns, int features, int descriptorLength, double[][] components,
            double[][] centres) {
    }

    /** A loaded model with what it was fitted with and its hash. */
    public record Saved(Map<String, Object> settings, String settingsHash, SegmentationModel model,
            String hash) {
    }

    private ModelStore() {
    }

    public static Saved describe(Map<String, Object> settings, String settingsHash,
            SegmentationModel model) throws IOException {
        return new Saved(settings, settingsHash, model, Json.sha256(file(settings, settingsHash, model)));
    }

    public static void save(String dir, Saved saved) throws IOException {
        Storage.mkdirs(dir);
        Json.write(Storage.child(dir, FILE), file(saved.settings(), saved.settingsHash(), saved.model()));
    }

    public static boolean exists(String dir) throws IOException {
        return Storage.exists(Storage.child(dir, FILE));
    }

    /** Loads a model; a missing or malformed one is an {@link ImageFormatException}-style one-liner. */
    public static Saved load(String dir) throws IOException {
        String path = Storage.child(dir, FILE);
        ModelFile file;
        try {
            file = Json.read(path, ModelFile.class);
        } catch (FileNotFoundException | ImageFormatException e) {
            throw new ImageFormatException("no model here (" + FILE + " missing)");
        } catch (IOException e) {
            throw new ImageFormatException("not a symseg model (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!FORMAT.equals(file.format()) || file.components() == null || file.centres() == null
                || file.settings() == null) {
            throw new ImageFormatException("not a symseg model (format " + file.format() + ")");
        }
        SegmentationModel model = new SegmentationModel(file.components(), file.centres());
        return new Saved(file.settings(), file.settingsHash(), model, Json.sha256(file));
    }

    private static ModelFile file(Map<String, Object> settings, String settingsHash,
            SegmentationModel model) {
        return new ModelFile(FORMAT, settings, settingsHash, model.patterns(), model.features(),
                model.descriptorLength(), model.components(), model.centres());
    }
}
