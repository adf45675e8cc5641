package org.symseg.pipeline;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of a run on stderr: stage (ranges, descriptors, fit, apply, write) and tasks done of
 * total, which for descriptors and apply are tiles and for write are inputs. The driver names the
 * stage in a local property ({@link #begin}); this SparkListener counts the tasks of the Spark
 * stages that carry it. On a terminal one line is redrawn with {@code \r}; otherwise only a plain
 * line per finished stage is printed, so a log file holds no control characters.
 */
public final class RunProgress extends SparkListener {

    static final String PROPERTY = "symseg.stage";
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long DRAIN_MILLIS = 10_000;

    /** Tasks of one named stage; "apply" and "write" share a Spark job but not a Spark stage. */
    private static final class Count {
        final String unit;
        int total;
        int done;

        Count(String unit) {
            this.unit = unit;
        }
    }

    private final PrintWriter err;
    private final boolean terminal;
    private final Map<String, Count> counts = new LinkedHashMap<>();
    private final Map<Integer, String> stageNames = new HashMap<>();
    private JavaSparkContext sc;
    private String stage;
    private long stageStart;
    private long lastDraw;
    private int drawnLength;

    private RunProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Progress to {@code err}; {@code terminal} redraws one line, otherwise plain lines. */
    public static RunProgress to(PrintWriter err, boolean terminal) {
        return new RunProgress(err, terminal);
    }

    /** No progress output at all ({@code --quiet}). */
    public static RunProgress quiet() {
        return new RunProgress(null, false);
    }

    void attach(JavaSparkContext context) {
        if (err != null) {
            sc = context;
            sc.sc().addSparkListener(this);
        }
    }

    /** The Spark jobs the driver starts from now on belong to {@code stage}. */
    void begin(JavaSparkContext context, String stage) {
        context.setLocalProperty(PROPERTY, stage);
        this.stage = stage;
        stageStart = System.nanoTime();
    }

    /** Prints the finished stage's line, once Spark has reported all its tasks. */
    void end() {
        if (sc == null) {
            return;
        }
        sc.setLocalProperty(PROPERTY, null);
        // listener events arrive asynchronously; counts are complete once the bus is drained
        try {
            sc.sc().listenerBus().waitUntilEmpty(DRAIN_MILLIS);
        } catch (TimeoutException e) {
            // a very busy bus: print what has been counted so far
        }
        String time = String.format(Locale.ROOT, ", %.1f s", (System.nanoTime() - stageStart) / 1e9);
        synchronized (this) {
            if (counts.isEmpty()) {
                // a small run's fit runs no Spark task, but is a stage of the run all the same
                if (stage.equals("fit")) {
                    print("symseg: fit on the driver" + time, true);
                }
                return;
            }
            print(line() + time, true);
            counts.clear();
            stageNames.clear();
        }
    }

    void detach() {
        if (sc != null) {
            sc.sc().removeSparkListener(this);
            sc.setLocalProperty(PROPERTY, null);
            sc = null;
        }
    }

    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted event) {
        String stage = event.properties() == null ? null : event.properties().getProperty(PROPERTY);
        if (stage == null) {
            return;
        }
        // the apply job's stage after the shuffle gathers each input's tiles and writes them
        String name = stage.equals("apply") && event.stageInfo().shuffleDepId().isEmpty() ? "write" : stage;
        Count count = counts.computeIfAbsent(name, n -> new Count(switch (n) {
            case "fit" -> "tasks";
            case "write" -> "inputs";
            default -> "tiles";
        }));
        // a stage submitted again (a retried attempt) has no new tasks to count
        if (stageNames.put(event.stageInfo().stageId(), name) == null) {
            count.total += event.stageInfo().numTasks();
        }
        draw();
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
        String name = stageNames.get(event.stageId());
        if (name != null && event.reason() instanceof org.apache.spark.Success$) {
            counts.get(name).done++;
            draw();
        }
    }

    /** On a terminal, redraws the line at most a few times a second. */
    private void draw() {
        long now = System.nanoTime();
        if (!terminal || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        print(line(), false);
    }

    /** For example {@code symseg: apply 40/40 tiles, write 1/2 inputs}. */
    private String line() {
        StringJoiner line = new StringJoiner(", ", "symseg: ", "");
        counts.forEach((name, count) -> line.add(name + " " + count.done + "/" + count.total + " "
                + count.unit));
        return line.toString();
    }

    private void print(String line, boolean finished) {
        if (terminal) {
            // overwrite what was drawn before; pad so a shorter line leaves nothing behind
            err.print('\r' + line + " ".repeat(Math.max(0, drawnLength - line.length())));
            drawnLength = finished ? 0 : line.length();
            if (finished) {
                err.println();
            }
        } else if (finished) {
            err.println(line);
        }
        err.flush();
    }
}
