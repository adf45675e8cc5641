package org.symseg.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * Records the Spark jobs of a run: which symseg stage started each (the {@code symseg.stage}
 * local property the pipeline sets), where in the code, how long it took, and the executor run
 * time of its tasks. The per-job overhead of a small fit is what the benchmark is after, so the
 * number of jobs per stage is reported next to the times.
 */
final class JobTimeline extends SparkListener {

    /**
     * One finished job. {@code gapMs} is the driver's time between the end of the previous job and
     * the start of this one; {@code taskMs} is the summed executor run time of its tasks;
     * {@code stageMs} the wall time of each Spark stage it ran, in order of completion.
     */
    record Job(int id, String stage, String callSite, long gapMs, long wallMs, long taskMs,
            List<Long> stageMs) {
    }

    private static final String STAGE_PROPERTY = "symseg.stage";

    private final Map<Integer, Job> started = new LinkedHashMap<>();
    private final Map<Integer, Integer> jobOfStage = new LinkedHashMap<>();
    private final Map<Integer, Long> startMillis = new LinkedHashMap<>();
    private final Map<Integer, Long> taskMs = new LinkedHashMap<>();
    private final Map<Integer, List<Long>> stageMs = new LinkedHashMap<>();
    private final List<Job> finished = new ArrayList<>();
    private long lastEndMillis;

    @Override
    public synchronized void onJobStart(SparkListenerJobStart event) {
        Properties properties = event.properties();
        String stage = properties == null ? null : properties.getProperty(STAGE_PROPERTY);
        String site = resultStageName(event);
        // event times are taken when the scheduler posts the event, not when the bus delivers it
        long now = event.time();
        long gap = lastEndMillis == 0 ? 0 : now - lastEndMillis;
        started.put(event.jobId(), new Job(event.jobId(), stage == null ? "-" : stage,
                site, gap, 0, 0, List.of()));
        startMillis.put(event.jobId(), now);
        event.stageIds().foreach(stageId -> jobOfStage.put((Integer) stageId, event.jobId()));
    }

    /** The result stage, made last (highest id), is named after the action's call site. */
    private static String resultStageName(SparkListenerJobStart event) {
        String name = "?";
        int last = -1;
        for (StageInfo stage : scala.jdk.javaapi.CollectionConverters.asJava(event.stageInfos())) {
            if (stage.stageId() > last) {
                last = stage.stageId();
                name = stage.name();
            }
        }
        return name;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
        Integer job = jobOfStage.get(event.stageId());
        if (job != null && event.taskMetrics() != null) {
            taskMs.merge(job, event.taskMetrics().executorRunTime(), Long::sum);
        }
    }

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
        StageInfo info = event.stageInfo();
        Integer job = jobOfStage.get(info.stageId());
        if (job != null && info.submissionTime().isDefined() && info.completionTime().isDefined()) {
            stageMs.computeIfAbsent(job, j -> new ArrayList<>())
                    .add((Long) info.completionTime().get() - (Long) info.submissionTime().get());
        }
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd event) {
        Job job = started.remove(event.jobId());
        Long start = startMillis.remove(event.jobId());
        lastEndMillis = event.time();
        if (job != null && start != null) {
            finished.add(new Job(job.id(), job.stage(), job.callSite(), job.gapMs(),
                    lastEndMillis - start, taskMs.getOrDefault(job.id(), 0L),
                    stageMs.getOrDefault(job.id(), List.of())));
        }
    }

    /** The jobs finished since the last call, once the listener bus has delivered every event. */
    synchronized List<Job> drain(SparkContext sc) {
        try {
            sc.listenerBus().waitUntilEmpty(10_000);
        } catch (TimeoutException e) {
            // report what arrived
        }
        List<Job> jobs = new ArrayList<>(finished);
        finished.clear();
        taskMs.clear();
        stageMs.clear();
        lastEndMillis = 0;
        return jobs;
    }

    /** For example {@code fit 18 jobs 2.1 s (tasks 0.4 s)}, one entry per symseg stage. */
    static String summary(List<Job> jobs) {
        Map<String, long[]> byStage = new LinkedHashMap<>();
        for (Job job : jobs) {
            long[] sums = byStage.computeIfAbsent(job.stage(), s -> new long[3]);
            sums[0]++;
            sums[1] += job.wallMs();
            sums[2] += job.taskMs();
        }
        StringBuilder line = new StringBuilder();
        byStage.forEach((stage, sums) -> line.append(String.format(Locale.ROOT,
                "%s%s %d jobs %.2f s (tasks %.2f s)", line.length() == 0 ? "" : ", ", stage,
                sums[0], sums[1] / 1000.0, sums[2] / 1000.0)));
        return line.toString();
    }
}
