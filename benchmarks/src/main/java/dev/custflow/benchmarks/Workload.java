package dev.custflow.benchmarks;

import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.TicketKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded event streams for the workloads. Times are whole minutes, so the engine's minute-resolution
 * histories and the baseline's millisecond ones agree exactly.
 */
public final class Workload {
    /** The first day of every stream. */
    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final long MINUTE = 60_000L;

    private Workload() {
    }

    /**
     * W1's mixed stream: leads from several channels, rep calls, orders (some customers buy again,
     * some stop), NPS surveys, complaints opened and resolved, and a tick every day.
     *
     * @param customers how many customers
     * @param events    about how many events in all
     * @param days      over how many days
     * @param seed      the seed
     * @return the events in time order
     */
    public static List<Event> mixed(int customers, int events, int days, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> out = new ArrayList<>(events + days + customers);
        String[] channels = {"WEBSITE", "WECHAT", "BAIDU_ADS", "TRADE_SHOW", "REFERRAL"};
        int perCustomer = Math.max(1, events / customers - 1);
        long span = days * 1_440L;
        int n = 0;
        for (int c = 0; c < customers; c++) {
            String id = "C" + c;
            long first = r.nextLong(span / 2);
            out.add(LeadCaptured.builder("e" + n++, at(first), id, channels[r.nextInt(channels.length)])
                    .phone("138" + String.format("%08d", c)).build());
            boolean buyer = r.nextInt(10) < 6;
            int ticket = 0;
            for (int k = 0; k < perCustomer; k++) {
                long t = first + 1 + r.nextLong(span - first - 1);
                int kind = r.nextInt(100);
                Event e;
                if (kind < 40 && buyer) {
                    e = OrderPlaced.of("e" + n, at(t), "O" + n, id, BigDecimal.valueOf(10 + r.nextInt(5_000), 0));
                } else if (kind < 70) {
                    e = InteractionLogged.of("e" + n, at(t), id, kind < 60 ? InteractionKind.CALL
                            : InteractionKind.PAGE_VIEW, "R" + r.nextInt(50));
                } else if (kind < 85) {
                    e = new SurveyAnswered("e" + n, at(t), id, r.nextInt(11), null, null);
                } else if (kind < 93) {
                    e = new TicketOpened("e" + n, at(t), "T" + id + "-" + ticket++, id,
                            r.nextBoolean() ? TicketKind.COMPLAINT : TicketKind.INQUIRY, null);
                } else {
                    e = ticket == 0 ? InteractionLogged.of("e" + n, at(t), id, InteractionKind.EMAIL_OPENED, null)
                            : new TicketResolved("e" + n, at(t), "T" + id + "-" + (ticket - 1), r.nextBoolean(), id);
                }
                n++;
                out.add(e);
            }
        }
        for (int d = 1; d <= days; d++) {
            out.add(new ClockTick("tick-" + d, at(d * 1_440L)));
        }
        // a resolution may have been drawn before its ticket: order by time, then by id for ties
        out.sort(Comparator.comparing(Event::at).thenComparing(Event::id));
        return out;
    }

    /**
     * W2's base: every customer placed one order at a random minute of the {@code spreadDays} days
     * before {@code lastOrderDay}, so that about one in {@code spreadDays} falls due on any one day
     * {@code dormancyDays} later.
     *
     * @param customers    how many customers
     * @param spreadDays   over how many days the last orders are spread (100: about 1 % due per day)
     * @param seed         the seed
     * @return the orders in time order
     */
    public static List<Event> oneOrderEach(int customers, int spreadDays, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> out = new ArrayList<>(customers);
        for (int c = 0; c < customers; c++) {
            long t = r.nextLong(spreadDays * 1_440L);
            out.add(OrderPlaced.of("o" + c, at(t), "O" + c, "C" + c, BigDecimal.valueOf(100 + r.nextInt(900))));
        }
        out.sort(Comparator.comparing(Event::at).thenComparing(Event::id));
        return out;
    }

    /**
     * @param minutes minutes after {@link #START}
     * @return the instant
     */
    public static Instant at(long minutes) {
        return START.plusMillis(minutes * MINUTE);
    }

    /**
     * @param day a day after {@link #START}
     * @return midnight of that day
     */
    public static Instant day(int day) {
        return START.plus(Duration.ofDays(day));
    }
}
