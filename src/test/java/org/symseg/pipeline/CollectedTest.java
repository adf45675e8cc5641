package org.symseg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.util.CallSite;
import org.junit.jupiter.api.Test;
import org.symseg.testing.SharedSpark;

class CollectedTest {

    private static final List<Integer> NUMBERS = IntStream.range(0, 50).boxed().toList();

    @Test
    void collectsEveryElementInPartitionOrderEmptyPartitionsIncluded() {
        JavaSparkContext sc = SharedSpark.context();
        JavaRDD<Integer> numbers = sc.parallelize(NUMBERS, 7);
        assertEquals(NUMBERS, Collected.of(numbers));
        // the middle partitions left empty
        List<Integer> ends = NUMBERS.stream().filter(n -> n < 8 || n >= 43).toList();
        assertEquals(ends, Collected.of(numbers.filter(n -> n < 8 || n >= 43)));
    }

    @Test
    void givesOneResultPerPartitionAtItsIndex() {
        JavaSparkContext sc = SharedSpark.context();
        JavaRDD<Integer> numbers = sc.parallelize(NUMBERS, 5).filter(n -> n >= 20);
        List<Integer> counts = Collected.perPartition(numbers, CollectedTest::count);
        assertEquals(List.of(0, 0, 10, 10, 10), counts);
    }

    @Test
    void mergesInPartitionOrderWhateverOrderTheTasksEnd() {
        JavaSparkContext sc = SharedSpark.context();
        List<String> letters = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            letters.add(String.valueOf(c));
        }
        // concatenation is not commutative: any other order would show
        JavaRDD<String> rdd = sc.parallelize(letters, 9).map(s -> {
            if (s.compareTo("d") < 0) {
                Thread.sleep(30); // the first partition ends last
            }
            return s;
        });
        assertEquals("abcdefghijklmnopqrstuvwxyz", Merged.of(rdd, String::concat));
    }

    @Test
    void manyPartitionsAreMergedOnTheExecutorsFirstToTheSameSum() {
        JavaSparkContext sc = SharedSpark.context();
        JavaRDD<Integer> numbers = sc.parallelize(NUMBERS, Merged.FEW + 8);
        assertEquals(49 * 50 / 2, Merged.of(numbers, Integer::sum));
    }

    @Test
    void nothingToMergeIsAnError() {
        JavaSparkContext sc = SharedSpark.context();
        JavaRDD<Integer> none = sc.parallelize(NUMBERS, 4).filter(n -> n < 0);
        assertThrows(UnsupportedOperationException.class, () -> Merged.of(none, Integer::sum));
    }

    @Test
    void jobsAreNamedAfterTheCodeThatAskedNotAfterCollected() throws InterruptedException {
        JavaSparkContext sc = SharedSpark.context();
        BlockingQueue<String> names = new LinkedBlockingQueue<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
                names.add(submitted.stageInfo().name());
            }
        };
        sc.sc().addSparkListener(listener);
        try {
            Collected.of(sc.parallelize(NUMBERS, 2));
            assertTrue(names.poll(30, TimeUnit.SECONDS).startsWith("runJob at CollectedTest.java:"));
            Merged.of(sc.parallelize(NUMBERS, 2), Integer::sum);
            assertTrue(names.poll(30, TimeUnit.SECONDS).startsWith("runJob at CollectedTest.java:"));
        } finally {
            sc.sc().removeSparkListener(listener);
        }
        // and the name is the job's alone
        assertNull(sc.getLocalProperty(CallSite.SHORT_FORM()));
    }

    private static int count(Iterator<Integer> elements) {
        int n = 0;
        for (; elements.hasNext(); elements.next()) {
            n++;
        }
        return n;
    }
}
