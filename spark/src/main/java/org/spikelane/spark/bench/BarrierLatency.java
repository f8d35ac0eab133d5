package org.spikelane.spark.bench;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Function1;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;

/**
 * How long one exchange through Spark's barrier execution mode takes: a barrier stage of TASKS
 * tasks calls {@code BarrierTaskContext.barrier()} ROUNDS times in a loop, then
 * {@code allGather} ROUNDS times (the call a spike exchange would use), and task 0 reports the
 * time per call after WARMUP unmeasured calls of each. docs/scale-out.md compares the figure with
 * the exchange interval a distributed simulation of the microcircuit needs.
 *
 * <p>Usage: {@code BarrierLatency MASTER [TASKS [ROUNDS]]}; MASTER {@code submit} uses the master
 * spark-submit was given. Run by {@code spark/barrier-latency.sh}.
 */
public final class BarrierLatency {
    private static final int WARMUP = 3;

    private BarrierLatency() {}

    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        SparkSession.Builder b = SparkSession.builder().appName("spikelane barrier latency").config("spark.ui.enabled", "false");
        if (!master.equals("submit")) b = b.master(master);
        if (master.startsWith("local")) b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        SparkSession spark = b.getOrCreate();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Integer> ids = IntStream.range(0, tasks).boxed().toList();
            Function1<scala.collection.Iterator<Integer>, scala.collection.Iterator<double[]>> stage =
                    (Function1<scala.collection.Iterator<Integer>, scala.collection.Iterator<double[]>> & Serializable) it -> timeCalls(rounds);
            List<double[]> times = jsc.parallelize(ids, tasks).rdd().barrier().mapPartitions(stage, false, ClassTag$.MODULE$.apply(double[].class))
                    .toJavaRDD().collect();
            double[] barrier = times.get(0);
            double[] gather = times.get(1);
            String where = spark.sparkContext().master();
            System.out.println(line("barrier()", where, tasks, barrier));
            System.out.println(line("allGather()", where, tasks, gather));
        } finally {
            spark.stop();
        }
    }

    /** In each task: the milliseconds of every measured barrier() and allGather() call; task 0's are returned. */
    private static scala.collection.Iterator<double[]> timeCalls(int rounds) {
        BarrierTaskContext ctx = BarrierTaskContext.get();
        double[] barrier = new double[rounds];
        double[] gather = new double[rounds];
        for (int i = 0; i < WARMUP; i++) ctx.barrier();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            ctx.barrier();
            barrier[i] = (System.nanoTime() - t) / 1e6;
        }
        String mine = Integer.toString(ctx.partitionId());
        for (int i = 0; i < WARMUP; i++) ctx.allGather(mine);
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            ctx.allGather(mine);
            gather[i] = (System.nanoTime() - t) / 1e6;
        }
        List<double[]> out = ctx.partitionId() == 0 ? List.of(barrier, gather) : List.of();
        return CollectionConverters.asScala(out.iterator());
    }

    private static String line(String call, String master, int tasks, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%-12s %s, %d tasks, %d calls: mean %.3f ms, median %.3f ms, p90 %.3f ms, min %.3f ms, max %.3f ms",
                call, master, tasks, s.length, mean, s[s.length / 2], s[(int) (s.length * 0.9)], s[0], s[s.length - 1]);
    }
}
