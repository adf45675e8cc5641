package org.symseg.dataset;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Map;
import org.symseg.image.ImageFormatException;
import org.symseg.image.Storage;
import org.symseg.model.KSelection;
import org.symseg.model.SegmentationModel;

/**
 * A fitted model on disk: {@code DIR/model.json} holds the settings it was fitted with (and their
 * hash), the PCA basis and the centres in label order. No timestamps, so the same fit gives the
 * same bytes and the same model hash. Beside it, {@code DIR/k-selection.json} keeps how
 * {@code --k auto} chose k, for the reports of runs that reuse the model; it is not part of the
 * model's hash.
 */
public final class ModelStore {

    public static final String FILE = "model.json";
    public static final String K_SELECTION = "k-selection.json";
    static final String FORMAT = "symseg-model/1";

    /** The JSON layout of {@code model.json}. */
    public record ModelFile(String format, Map<String, Object> settings, String settingsHash,
            int[] channels, int patterns, int features, int descriptorLength,
            double[][] components, double[][] centres) {
    }

    /**
     * A model with what it was fitted with and its hash. {@code channels} lists the descriptor
     * channels it reads ({@code --select-best}); empty means all of them. {@code kSelection}: how
     * {@code --k auto} chose k, or null when k was given.
     */
    public record Saved(Map<String, Object> settings, String settingsHash, int[] channels,
            SegmentationModel model, String hash, KSelection kSelection) {
    }

    private ModelStore() {
    }

    public static Saved describe(Map<String, Object> settings, String settingsHash, int[] channels,
            SegmentationModel model, KSelection kSelection) throws IOException {
        return new Saved(settings, settingsHash, channels, model,
                Json.sha256(file(settings, settingsHash, channels, model)), kSelection);
    }

    public static void save(String dir, Saved saved) throws IOException {
        Storage.mkdirs(dir);
        String selection = Storage.child(dir, K_SELECTION);
        if (saved.kSelection() != null) {
            Json.write(selection, saved.kSelection());
        } else {
            Storage.delete(selection); // an earlier fit's, not this one's
        }
        Json.write(Storage.child(dir, FILE),
                file(saved.settings(), saved.settingsHash(), saved.channels(), saved.model()));
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
                || file.settings() == null || file.channels() == null) {
            throw new ImageFormatException("not a symseg model (format " + file.format() + ")");
        }
        SegmentationModel model = new SegmentationModel(file.components(), file.centres());
        return new Saved(file.settings(), file.settingsHash(), file.channels(), model, Json.sha256(file),
                kSelection(dir));
    }

    /** How k was chosen, if the model's directory says; models from before it was kept have none. */
    private static KSelection kSelection(String dir) {
        try {
            String path = Storage.child(dir, K_SELECTION);
            return Storage.exists(path) ? Json.read(path, KSelection.class) : null;
        } catch (IOException e) {
            return null; // a report detail only: the model itself is what matters
        }
    }

    private static ModelFile file(Map<String, Object> settings, String settingsHash, int[] channels,
            SegmentationModel model) {
        return new ModelFile(FORMAT, settings, settingsHash, channels, model.patterns(),
                model.features(), model.descriptorLength(), model.components(), model.centres());
    }
}
