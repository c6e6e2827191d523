package dev.custflow.connectors.kafka;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.TicketKind;
import dev.custflow.settings.Settings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;

/**
 * A generated stream for the Kafka tests, and what the single-process engine does with it.
 *
 * <p>Customers are leads first (unique contact data, so no two are merged), then buy, have orders shipped and
 * delivered or returned, open and close tickets, answer surveys and are contacted; some stop buying half-way, so
 * churn warnings come. Events fall on whole hours, and a {@link ClockTick} comes at every hour of the business day
 * before that hour's events: EventPublisher broadcasts it to every partition, so every partition's clock passes the
 * same instants as the one clock of a single engine, and a time rule fires at the same instant in both (without the
 * ticks it fires on a partition at the next event of that partition, later than in one engine: docs/kafka.md,
 * "Time").
 *
 * <p>{@link #SETTINGS} switch off what is global across customers and so differs between one engine and an engine per
 * partition (docs/kafka.md, "Per partition and global"): RFM by fixed thresholds instead of quintiles of the whole
 * base, no weekly at-risk digest. The stream has no reps (assignment round robin and load are global).
 */
public final class StreamData {
    /** Settings under which an engine per partition decides what one engine decides. */
    public static final Settings SETTINGS = Settings.builder()
            .set("segments.mode", "FIXED")
            .set("churn.weeklyDigest", false)
            .build();

    /** Events fall on the hours 01:00 to 11:00 UTC (09:00 to 19:00 in the default time zone). */
    private static final int SLOTS = 11;

    private StreamData() {
    }

    /**
     * @param customers how many customers
     * @param days      how many days of history
     * @param seed      the random seed (the same seed, the same stream)
     * @return the events in time order, a ClockTick at the end of each day
     */
    public static List<Event> stream(int customers, int days, long seed) {
        Random rnd = new Random(seed);
        Instant start = Instant.parse("2025-01-06T00:00:00Z");
        List<Event> out = new ArrayList<>();
        Map<String, List<String>> openOrders = new LinkedHashMap<>();
        Map<String, List<String>> openTickets = new LinkedHashMap<>();
        int[] quitDay = new int[customers];
        for (int c = 0; c < customers; c++) {
            quitDay[c] = rnd.nextInt(4) == 0 ? days / 3 + rnd.nextInt(days / 3 + 1) : Integer.MAX_VALUE;
        }
        int order = 0;
        int ticket = 0;
        for (int d = 0; d < days; d++) {
            Instant day = start.plus(Duration.ofDays(d));
            List<Event> today = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                String id = "c" + c;
                Instant at = day.plus(Duration.ofHours(1 + rnd.nextInt(SLOTS - 1)));
                if (d == c % Math.max(1, Math.min(days, 10))) {
                    today.add(LeadCaptured.builder("lead:" + id, at, id, "WEB")
                            .email(id + "@example.com").phone("1380000" + String.format("%04d", c)).build());
                    continue;
                }
                if (d < c % Math.max(1, Math.min(days, 10))) {
                    continue;
                }
                int roll = rnd.nextInt(100);
                List<String> orders = openOrders.computeIfAbsent(id, k -> new ArrayList<>());
                List<String> tickets = openTickets.computeIfAbsent(id, k -> new ArrayList<>());
                if (d >= quitDay[c]) {
                    if (roll < 3 && !orders.isEmpty()) {
                        String o = orders.remove(0);
                        today.add(new OrderStatusChanged("st:" + o + ":D", at, o, OrderStatus.DELIVERED, null, id));
                    }
                    continue;
                }
                if (roll < 8) {
                    String o = "o" + (order++);
                    today.add(OrderPlaced.of("order:" + o, at, o, id, BigDecimal.valueOf(50 + rnd.nextInt(3000))));
                    orders.add(o);
                } else if (roll < 14 && !orders.isEmpty()) {
                    String o = orders.remove(0);
                    OrderStatus s = rnd.nextInt(10) == 0 ? OrderStatus.RETURNED : OrderStatus.DELIVERED;
                    today.add(new OrderStatusChanged("st:" + o + ":S", at, o, OrderStatus.SHIPPED, null, id));
                    today.add(new OrderStatusChanged("st:" + o + ":" + s, at.plusSeconds(3600), o, s, null, id));
                } else if (roll < 16) {
                    String t = "t" + (ticket++);
                    TicketKind kind = rnd.nextBoolean() ? TicketKind.COMPLAINT : TicketKind.INQUIRY;
                    today.add(new TicketOpened("ticket:" + t, at, t, id, kind, null));
                    tickets.add(t);
                } else if (roll < 19 && !tickets.isEmpty()) {
                    String t = tickets.remove(0);
                    today.add(new TicketResolved("resolved:" + t, at, t, rnd.nextBoolean(), id));
                } else if (roll < 21) {
                    today.add(new SurveyAnswered("nps:" + id + ":" + d, at, id, rnd.nextInt(11), null, null));
                } else if (roll < 26) {
                    InteractionKind kind = InteractionKind.values()[rnd.nextInt(InteractionKind.values().length)];
                    today.add(InteractionLogged.of("ia:" + id + ":" + d, at, id, kind, null));
                }
            }
            for (int h = 1; h <= SLOTS; h++) {
                today.add(new ClockTick("tick:" + d + ":" + h, day.plus(Duration.ofHours(h))));
            }
            // stable, ticks first within an hour (they were added last): a customer's events keep their order
            today.sort(Comparator.comparing(Event::at).thenComparing(e -> !(e instanceof ClockTick)));
            out.addAll(today);
        }
        return out;
    }

    /**
     * The partition the default Kafka partitioner gives a key (murmur2 of the UTF-8 bytes), as EventPublisher's
     * records land.
     *
     * @param key        the record key (customer id)
     * @param partitions the topic's partition count
     * @return the partition
     */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The events of one partition, as EventPublisher writes them: the events of its customers and every broadcast
     * event.
     *
     * @param events     the whole stream
     * @param partition  the partition
     * @param partitions the topic's partition count
     * @return the events that partition holds, in order
     */
    public static List<Event> partition(List<Event> events, int partition, int partitions) {
        return events.stream()
                .filter(e -> EventPublisher.isBroadcast(e) || partitionOf(e.subjectId(), partitions) == partition)
                .toList();
    }

    /**
     * @param events the stream
     * @return the actions of one engine (one process, one partition) that takes the whole stream, as JSON
     */
    public static List<String> singleEngine(List<Event> events) {
        try (Engine engine = Custflow.builder().settings(SETTINGS).build()) {
            BatchResult r = engine.acceptAll(events);
            return r.actions().stream().map(Json::write).toList();
        }
    }

    /**
     * Groups actions by customer, keeping their order: what must agree between one engine and an engine per
     * partition (the order across customers of different partitions is not defined).
     *
     * @param actionsJson actions as JSON
     * @return customer (or action id) → the actions' JSON in order
     */
    public static Map<String, List<String>> byCustomer(List<String> actionsJson) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String json : actionsJson) {
            Action a = Json.readAction(json);
            out.computeIfAbsent(KafkaActionSink.keyOf(a), k -> new ArrayList<>()).add(json);
        }
        return out;
    }
}
