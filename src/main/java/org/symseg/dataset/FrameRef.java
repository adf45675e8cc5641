package org.symseg.dataset;

import java.io.Serializable;

/** Where one frame lives: a file and the page (frame index) inside it. */
public record FrameRef(String path, int page) implements Serializable {
}
