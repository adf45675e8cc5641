package org.symseg.pipeline;

import java.io.Serializable;

/** What every output task of a run needs besides the tiles: where, and made from what. */
record OutputContext(String outDir, String runId, String settingsHash, String modelHash,
        int patterns) implements Serializable {
}
