package org.symseg.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs of a run: files, directories, globs, and series directories. */
final class InputOptions {

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = {
        "Images: files (a multi-page TIFF is a frame series), directories (all image "
            + "files below them), or quoted globs such as 'data/**/*.tif'. Local paths or Hadoop "
            + "URIs (hdfs://, s3a://)."})
    List<String> inputs = new ArrayList<>();

    @Option(names = "--series", paramLabel = "DIR", description = "A directory whose image files, "
            + "in natural order (frame_9 before frame_10), are the frames of one input. Repeatable.")
    List<String> series = new ArrayList<>();

    boolean isEmpty() {
        return inputs.isEmpty() && series.isEmpty();
    }
}
