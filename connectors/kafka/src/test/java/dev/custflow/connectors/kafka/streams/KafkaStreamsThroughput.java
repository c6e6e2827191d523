package dev.custflow.connectors.kafka.streams;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.connectors.kafka.EventPublisher;
import dev.custflow.connectors.kafka.InJvmKafka;
import dev.custflow.connectors.kafka.StreamData;
import dev.custflow.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * End-to-end events per second of the Kafka Streams deployment against one engine in the same JVM on the same events
 * (docs/kafka.md, "Throughput"). The events are published once per partition count before any instance starts;
 * every run is a new application (it reads from the start) with its own actions topic, and its clock runs from the
 * instance being RUNNING to the last action read with read_committed. Arguments: customers (default 200), days
 * (default 60), runs as {@code partitions:threads} (default {@code 1:1,4:2}; a bare partition count runs on as many
 * threads as partitions, at most the processors), the largest batches to run each with (default {@code 1,1000}: 1 is
 * one engine call and store commit per record, as before batching), rounds (default 1), and where the broker runs:
 * {@code own} (default: a JVM of its own, so that this process's CPU is the stream threads' and the reader's, and
 * the broker's is read apart) or {@code same} (this JVM). In each round the baseline runs first, then every run
 * with every batch size, the batch sizes in turn first and last from one round to the next, so that before and
 * after share the machine's load; a round ends with more threads against one on the same partitions.
 */
public final class KafkaStreamsThroughput {
    private KafkaStreamsThroughput() {
    }

    /**
     * @param args customers, days, runs, batch sizes, rounds
     * @throws Exception if the broker or an instance fails
     */
    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<int[]> runs = new java.util.ArrayList<>();
        for (String run : (args.length > 2 ? args[2] : "1:1,4:2").split(",")) {
            String[] pt = run.split(":");
            int partitions = Integer.parseInt(pt[0]);
            runs.add(new int[] {partitions, pt.length > 1 ? Integer.parseInt(pt[1])
                    : Math.min(partitions, Runtime.getRuntime().availableProcessors())});
        }
        int[] batchSizes = java.util.Arrays.stream((args.length > 3 ? args[3] : "1,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        boolean ownBroker = !(args.length > 5 && args[5].equals("same"));
        List<Event> events = StreamData.stream(customers, days, 42);
        long customerEvents = events.stream().filter(e -> !EventPublisher.isBroadcast(e)).count();
        System.out.printf("stream: %d events (%d about customers, %d broadcast ticks), %d customers, %d days%n",
                events.size(), customerEvents, events.size() - customerEvents, customers, days);

        StreamData.singleEngine(events); // warm up: rules compiled, the engine's code compiled by the JIT
        System.out.println("broker: " + (ownBroker ? "in a JVM of its own" : "in this JVM") + "; processors: "
                + Runtime.getRuntime().availableProcessors());
        try (InJvmKafka kafka = ownBroker ? InJvmKafka.forked("1g") : InJvmKafka.start()) {
            java.util.Set<Integer> published = new java.util.HashSet<>();
            for (int[] run : runs) {
                if (published.add(run[0])) {
                    kafka.createTopic("tp.events." + run[0], run[0]);
                    try (EventPublisher publisher = EventPublisher.of(kafka.clientConfig(), "tp.events." + run[0])) {
                        publisher.publishAll(events);
                    }
                }
            }
            for (int round = 0; round < rounds; round++) {
                int expected;
                long t0;
                long cpu0;
                try (Engine engine = Custflow.builder().settings(StreamData.SETTINGS).build()) {
                    t0 = System.nanoTime();
                    cpu0 = THREADS.getCurrentThreadCpuTime();
                    expected = engine.acceptAll(events).actions().size();
                }
                double single = events.size() / seconds(t0);
                double singleCpu = events.size() / ((THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9);
                System.out.printf("round %d, load %s: one engine, no store, one batch: %,.0f events/s (%d actions); "
                        + "%,.0f events per CPU second of its thread%n", round + 1, load(), single, expected,
                        singleCpu);
                Map<String, Double> wall = new TreeMap<>();
                for (int[] run : runs) {
                    for (int i = 0; i < batchSizes.length; i++) {
                        int batch = batchSizes[round % 2 == 0 ? i : batchSizes.length - 1 - i];
                        wall.put(run[0] + ":" + run[1] + ":" + batch, runStreams(kafka, events, customerEvents,
                                expected, single, singleCpu, run[0], run[1], batch, round + 1));
                    }
                }
                int shown = round + 1;
                wall.forEach((run, rate) -> {
                    String[] ptb = run.split(":");
                    Double one = wall.get(ptb[0] + ":1:" + ptb[2]);
                    if (!ptb[1].equals("1") && one != null) {
                        System.out.printf("round %d: %s partition(s), batches of at most %s: %s stream threads did "
                                + "%.2fx the events/s of one%n", shown, ptb[0], ptb[2], ptb[1], rate / one);
                    }
                });
            }
        }
    }

    /** @return the run's events per wall-clock second */
    private static double runStreams(InJvmKafka kafka, List<Event> events, long customerEvents, int expected,
                                   double single, double singleCpu, int partitions, int threads, int batch,
                                   int round) throws Exception {
        String in = "tp.events." + partitions;
        String name = partitions + "-" + threads + "-" + batch + "-" + round;
        String out = "tp.actions." + name;
        kafka.createTopic(out, partitions);
        kafka.createTopic("tp.dead." + name, 1);
        CustflowTopology topology = CustflowTopology.builder().settings(StreamData.SETTINGS)
                .eventsTopic(in).actionsTopic(out).deadLetterTopic("tp.dead." + name)
                .wallClockInterval(Duration.ZERO).maxBatchSize(batch).build();
        Path state = Files.createTempDirectory(Files.createDirectories(Path.of("target", "kafka-it")), "tp");
        Properties p = CustflowTopology.recommendedConfig("custflow-tp-" + name, kafka.bootstrap(), state);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        try (KafkaStreams streams = new KafkaStreams(topology.topology(), p);
             InJvmKafka.Reader reader = kafka.reader(out)) {
            streams.start();
            InJvmKafka.await("RUNNING", Duration.ofSeconds(60), () -> streams.state() == KafkaStreams.State.RUNNING);
            long start = System.nanoTime();
            long processCpu0 = processCpuNanos();
            double brokerCpu0 = brokerCpuSeconds(kafka);
            int got = reader.readAtLeast(expected, Duration.ofMinutes(10)).size();
            double s = seconds(start);
            double processCpu = (processCpuNanos() - processCpu0) / 1e9;
            double brokerCpu = brokerCpuSeconds(kafka) - brokerCpu0;
            double streamCpu = streamThreadsCpuNanos("custflow-tp-" + name + "-") / 1e9;
            if (got < expected) {
                printStall(kafka, streams, "custflow-tp-" + name, in, out, partitions);
            }
            // every partition gets its own copy of a broadcast tick: records processed > events
            long records = customerEvents + (long) (events.size() - customerEvents) * partitions;
            System.out.printf("round %d, load %s: Kafka Streams, %d partition(s), %d stream thread(s), batches of at "
                            + "most %d, exactly_once_v2: %,.0f events/s (%,.0f records/s; %d of %d actions in %.1f s), "
                            + "%.2f of one engine%n", round, load(), partitions, threads, batch, events.size() / s,
                    records / s, got, expected, s, events.size() / s / single);
            System.out.printf("  CPU: stream threads %.2f s (%.2f cores), %,.0f events per CPU second of a stream "
                            + "thread, %.2f of the one engine's thread; this process %.2f s (%s); %s%n", streamCpu,
                    streamCpu / s, events.size() / streamCpu, events.size() / streamCpu / singleCpu, processCpu,
                    kafka.brokerCpu().isPresent() ? "stream threads, reader, clients' network threads"
                            : "with the broker",
                    kafka.brokerCpu().isPresent() ? String.format("the broker's JVM %.2f s, %.0f µs per event",
                            brokerCpu, brokerCpu * 1e6 / events.size()) : "no broker apart");
            streams.close(Duration.ofSeconds(30));
            printBytes(kafka, events.size(), in, out, "custflow-tp-" + name + "-custflow-engine-changelog");
            return events.size() / s;
        }
    }

    private static double brokerCpuSeconds(InJvmKafka kafka) {
        return kafka.brokerCpu().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /**
     * What a run wrote to the broker, per event of the stream: the input it read, its actions, its changelog (as
     * written: the broker has not compacted the active segments yet). The figures the sizing in BENCHMARKS.md
     * starts from.
     */
    private static void printBytes(InJvmKafka kafka, int events, String... topics) throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
            Map<String, Long> bytes = new TreeMap<>();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(
                    dir -> dir.replicaInfos().forEach((tp, info) -> {
                        if (List.of(topics).contains(tp.topic())) {
                            bytes.merge(tp.topic(), info.size(), Long::sum);
                        }
                    })));
            StringBuilder line = new StringBuilder("  bytes per event:");
            bytes.forEach((topic, b) -> line.append(String.format(" %s %,.0f (%,d in all);", topic,
                    (double) b / events, b)));
            System.out.println(line);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The CPU time the instance's stream threads used since they started: on a machine others load, events per CPU
     * second of a stream thread compare with one engine's far better than wall-clock rates, which depend on the share
     * of the cores each gets.
     */
    private static long streamThreadsCpuNanos(String clientIdPrefix) {
        long sum = 0;
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(clientIdPrefix) && t.getThreadName().contains("StreamThread")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** @return the system load average over the last minute, as uptime prints it */
    private static String load() {
        return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    /**
     * What an instance that stopped short looks like: its threads and tasks, the group's committed input offsets
     * against the input's end, and the actions' end against their last stable offset (an open transaction holds
     * read_committed readers back), so a stall can be told apart from a slow run.
     */
    private static void printStall(InJvmKafka kafka, KafkaStreams streams, String group, String in, String out,
                                   int partitions) throws Exception {
        System.out.println("STALL: instance " + streams.state());
        printTaskInternals(streams);
        streams.metadataForLocalThreads().forEach(t -> System.out.println("  " + t.threadName() + " "
                + t.threadState() + ", active tasks " + t.activeTasks().stream().map(x -> x.taskId().toString())
                .toList()));
        streams.metrics().forEach((name, metric) -> {
            if (Set.of("records-lag", "process-total", "dropped-records-total", "enforced-processing-total",
                    "active-buffer-count", "punctuate-total").contains(name.name())) {
                System.out.println("  metric " + name.name() + " " + new TreeMap<>(name.tags()) + " = "
                        + metric.metricValue());
            }
        });
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            System.out.println("  committed " + new TreeMap<>(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get().entrySet().stream().collect(java.util.stream.Collectors
                            .toMap(e -> e.getKey().toString(), e -> e.getValue().offset()))));
            for (IsolationLevel level : IsolationLevel.values()) {
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (int i = 0; i < partitions; i++) {
                    ends.put(new TopicPartition(in, i), OffsetSpec.latest());
                    ends.put(new TopicPartition(out, i), OffsetSpec.latest());
                }
                Map<String, Long> found = new TreeMap<>();
                admin.listOffsets(ends, new ListOffsetsOptions(level)).all().get()
                        .forEach((tp, r) -> found.put(tp.toString(), r.offset()));
                System.out.println("  end offsets " + level + " " + found);
            }
            admin.listTransactions().all().get().forEach(t -> System.out.println("  " + t));
        }
    }

    /**
     * The stream tasks as their threads see them (Kafka Streams internals, read by reflection, racy, for diagnosis
     * only): state, records buffered, whether a commit is needed or a transaction commit is pending. Not the main
     * consumer's positions: a KafkaConsumer refuses calls from another thread than its stream thread.
     */
    private static void printTaskInternals(KafkaStreams streams) {
        try {
            java.lang.reflect.Field threads = KafkaStreams.class.getDeclaredField("threads");
            threads.setAccessible(true);
            for (Object thread : (List<?>) threads.get(streams)) {
                Object taskManager = call(thread, "taskManager");
                System.out.println("  " + thread);
                for (Object task : ((Map<?, ?>) call(taskManager, "allTasks")).values()) {
                    StringBuilder line = new StringBuilder("  task " + call(task, "id") + " "
                            + task.getClass().getSimpleName() + " " + call(task, "state"));
                    for (String field : List.of("hasPendingTxCommit", "commitNeeded", "commitRequested")) {
                        line.append(", ").append(field).append(' ').append(field(task, field));
                    }
                    line.append(", buffered ").append(call(task, "numBuffered"));
                    System.out.println(line);
                }
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            System.out.println("  (tasks not inspected: " + e.getCause() + ")");
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("  (tasks not inspected: " + e + ")");
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == 0) {
                    m.setAccessible(true);
                    return m.invoke(target);
                }
            }
        }
        throw new NoSuchMethodException(target.getClass() + "." + method);
    }

    /** @return the field's value, declared in the target's class or a superclass, or "?" if there is none */
    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    f.setAccessible(true);
                    return f.get(target);
                }
            }
        }
        return "?";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
