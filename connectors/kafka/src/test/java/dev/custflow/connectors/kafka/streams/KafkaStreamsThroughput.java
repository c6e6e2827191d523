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
 * End-to-end events per second of the Kafka Streams deployment with the broker in this JVM, on 1 and 4 partitions,
 * against one engine in the same JVM on the same events (docs/kafka.md, "Throughput"). The events are published
 * before the instance starts; the clock runs from the instance being RUNNING to the last action read with
 * read_committed. Arguments: customers (default 200), days (default 60), partition counts (default 1,4), stream
 * threads at most (default: the processors).
 */
public final class KafkaStreamsThroughput {
    private KafkaStreamsThroughput() {
    }

    /**
     * @param args customers, days
     * @throws Exception if the broker or an instance fails
     */
    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int[] partitionCounts = args.length > 2 ? java.util.Arrays.stream(args[2].split(","))
                .mapToInt(Integer::parseInt).toArray() : new int[] {1, 4};
        int maxThreads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        List<Event> events = StreamData.stream(customers, days, 42);
        long customerEvents = events.stream().filter(e -> !EventPublisher.isBroadcast(e)).count();
        System.out.printf("stream: %d events (%d about customers, %d broadcast ticks), %d customers, %d days%n",
                events.size(), customerEvents, events.size() - customerEvents, customers, days);

        StreamData.singleEngine(events.subList(0, Math.min(2000, events.size()))); // warm up: rules compiled
        long t0 = System.nanoTime();
        int expected;
        try (Engine engine = Custflow.builder().settings(StreamData.SETTINGS).build()) {
            expected = engine.acceptAll(events).actions().size();
        }
        double single = events.size() / seconds(t0);
        System.out.printf("one engine, no store, one batch: %,.0f events/s (%d actions)%n", single, expected);

        try (InJvmKafka kafka = InJvmKafka.start()) {
            for (int partitions : partitionCounts) {
                String in = "tp.events." + partitions;
                String out = "tp.actions." + partitions;
                kafka.createTopic(in, partitions);
                kafka.createTopic(out, partitions);
                kafka.createTopic("tp.dead." + partitions, 1);
                try (EventPublisher publisher = EventPublisher.of(kafka.clientConfig(), in)) {
                    publisher.publishAll(events);
                }
                CustflowTopology topology = CustflowTopology.builder().settings(StreamData.SETTINGS)
                        .eventsTopic(in).actionsTopic(out).deadLetterTopic("tp.dead." + partitions)
                        .wallClockInterval(Duration.ZERO).build();
                Path state = Files.createTempDirectory(Files.createDirectories(Path.of("target", "kafka-it")), "tp");
                Properties p = CustflowTopology.recommendedConfig("custflow-tp-" + partitions, kafka.bootstrap(), state);
                p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
                int threads = Math.min(partitions, maxThreads);
                p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
                try (KafkaStreams streams = new KafkaStreams(topology.topology(), p);
                     InJvmKafka.Reader reader = kafka.reader(out)) {
                    streams.start();
                    InJvmKafka.await("RUNNING", Duration.ofSeconds(60),
                            () -> streams.state() == KafkaStreams.State.RUNNING);
                    long start = System.nanoTime();
                    int got = reader.readAtLeast(expected, Duration.ofMinutes(3)).size();
                    double s = seconds(start);
                    if (got < expected) {
                        printStall(kafka, streams, "custflow-tp-" + partitions, in, out, partitions);
                    }
                    // every partition gets its own copy of a broadcast tick: records processed > events
                    long records = customerEvents + (long) (events.size() - customerEvents) * partitions;
                    System.out.printf("Kafka Streams, %d partition(s), %d stream thread(s), exactly_once_v2: "
                                    + "%,.0f events/s (%,.0f records/s; %d of %d actions in %.1f s), %.2f of one engine%n",
                            partitions, threads, events.size() / s, records / s, got, expected, s,
                            events.size() / s / single);
                    streams.close(Duration.ofSeconds(30));
                }
            }
        }
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
