package org.symseg.dataset;

import java.io.IOException;
import java.util.List;
import org.symseg.image.Storage;

/**
 * Decides, for a run into an output directory that already holds results, whether an input must
 * be redone: it is skipped only when its files, the settings and the model are all unchanged.
 */
public final class Reprocessing {

    /** Whether to redo an input, and why, in words for the run summary. */
    public record Decision(boolean redo, String reason) {
    }

    private Reprocessing() {
    }

    public static InputRecord previous(String outDir, InputSource source) {
        String path = Storage.child(Storage.child(outDir, source.name()), InputRecord.FILE);
        try {
            return Storage.exists(path) ? Json.read(path, InputRecord.class) : null;
        } catch (IOException e) {
            return null; // an unreadable record is as good as none: the input is redone
        }
    }

    public static Decision decide(InputSource source, InputRecord previous, String settings,
            String model) throws IOException {
        if (previous == null) {
            return new Decision(true, "new");
        }
        if (!settings.equals(previous.settings())) {
            return new Decision(true, "settings changed");
        }
        if (!model.equals(previous.model())) {
            return new Decision(true, "model changed");
        }
        List<FileFingerprint> before = previous.files();
        if (before.size() != source.files().size()) {
            return new Decision(true, "files changed");
        }
        String touched = null;
        for (int i = 0; i < before.size(); i++) {
            FileFingerprint old = before.get(i);
            if (!old.path().equals(source.files().get(i))) {
                return new Decision(true, "files changed");
            }
            FileFingerprint now = FileFingerprint.quick(old.path());
            if (now.sameSizeAndTime(old)) {
                continue;
            }
            if (now.size() != old.size() || !FileFingerprint.sha256Of(old.path()).equals(old.sha256())) {
                return new Decision(true, "content changed");
            }
            touched = old.path();
        }
        return new Decision(false, touched == null ? "unchanged"
                : "unchanged (same content, new timestamp)");
    }
}
