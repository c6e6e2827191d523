package dev.custflow.benchmarks;

import dev.custflow.event.ClockTick;
import dev.custflow.event.ContractSigned;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.TicketKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
     * W5's year of retention: a year of history for every customer (a lead with an e-mail and a
     * birthday, one to eight orders of printers, toner or paper, each delivered three days later, some service
     * contracts), then one {@code ClockTick} a day for the following year, when no customer orders
     * again: every time rule of the churn, reminders, marketing and segments packs falls due some day
     * of that year. History events fall between 08:00 and 20:00 in Shanghai; ticks at 10:00.
     *
     * @param history the history, in time order
     * @param ticks   the ticks of the second year, one a day
     */
    public record RetentionYear(List<Event> history, List<ClockTick> ticks) {
    }

    /** The products of W5; {@code PRINTER → TONER} is the cross-sell pair of {@link #retentionSettings}. */
    private static final String[] PRODUCTS = {"PRINTER", "TONER", "PAPER", "PAPER"};

    /**
     * @param customers how many customers
     * @param seed      the seed
     * @return W5's history and ticks
     */
    public static RetentionYear retentionYear(int customers, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> out = new ArrayList<>(customers * 5);
        int n = 0;
        for (int c = 0; c < customers; c++) {
            String id = "C" + c;
            int firstDay = r.nextInt(60);
            LocalDate birthday = LocalDate.of(1960 + r.nextInt(40), 1, 1).plusDays(r.nextInt(366));
            out.add(LeadCaptured.builder("l" + c, at(firstDay * 1_440L + businessMinute(r)), id, "WEBSITE")
                    .email("c" + c + "@example.com").birthday(birthday).build());
            int roll = r.nextInt(100);
            int orders = roll < 35 ? 1 : roll < 60 ? 2 : 3 + r.nextInt(6);
            long[] times = new long[orders];
            for (int k = 0; k < orders; k++) {
                times[k] = (firstDay + 1 + r.nextInt(360 - firstDay)) * 1_440L + businessMinute(r);
            }
            java.util.Arrays.sort(times);
            for (int k = 0; k < orders; k++) {
                String sku = PRODUCTS[r.nextInt(PRODUCTS.length)];
                BigDecimal amount = BigDecimal.valueOf(50 + r.nextInt(2_950));
                out.add(new OrderPlaced("o" + n, at(times[k]), id + "-" + k, id, amount, null,
                        List.of(new OrderLine(sku, 1, amount)), null));
                n++;
            }
            for (int k = 0; k < orders; k++) { // every order is delivered three days later
                out.add(new OrderStatusChanged("d" + c + "-" + k, at(times[k] + 3 * 1_440L), id + "-" + k,
                        OrderStatus.DELIVERED, null, id));
            }
            if (r.nextInt(100) < 15) { // a service contract that runs out in the second year
                out.add(new ContractSigned("k" + c, at(firstDay * 1_440L + businessMinute(r)), id, "K" + c,
                        LocalDate.of(2025, 1, 15).plusDays(r.nextInt(340)), BigDecimal.valueOf(1_000)));
            }
        }
        out.sort(Comparator.comparing(Event::at).thenComparing(Event::id));
        List<ClockTick> ticks = new ArrayList<>(365);
        for (int d = 366; d < 366 + 365; d++) {
            ticks.add(new ClockTick("tick-" + d, at(d * 1_440L + 120))); // 02:00 UTC, 10:00 in Shanghai
        }
        return new RetentionYear(out, ticks);
    }

    /** A minute between 00:00 and 12:00 UTC (08:00-20:00 in Shanghai): outside the quiet hours. */
    private static long businessMinute(SplittableRandom r) {
        return r.nextInt(12 * 60);
    }

    /**
     * @return W5's settings: the defaults, with {@code PRINTER → TONER} after 180 days as the cross-sell pair
     */
    public static dev.custflow.settings.Settings retentionSettings() {
        return dev.custflow.settings.Settings.builder()
                .merge("{\"marketing\": {\"crossSell\": [{\"bought\": \"PRINTER\", \"offer\": \"TONER\", "
                        + "\"afterDays\": 180}]}}")
                .build();
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

    /**
     * W1i's existing base: {@code n} leads captured over the year before {@link #START}, each with its own mobile
     * number and e-mail, and a name and a company name for one in three.
     *
     * @param n how many
     * @return the captures in time order
     */
    public static List<LeadCaptured> existingLeads(int n) {
        List<LeadCaptured> out = new ArrayList<>(n);
        long span = 365L * 1_440;
        for (int i = 0; i < n; i++) {
            LeadCaptured.Builder b = LeadCaptured.builder("x" + i, at(-span + span * i / n), "P" + i, "WEBSITE")
                    .phone(mobile(i)).email("p" + i + "@example.cn");
            if (i % 3 == 0) {
                b.name(contact(i)).company(company(i) + "有限公司");
            }
            out.add(b.build());
        }
        return out;
    }

    /**
     * W1i's intake: {@code n} new leads of one round, a minute apart from {@code fromMinute}: 85 % new people,
     * 10 % people of the existing base written another way (the phone with +86 and dashes, the e-mail in capitals,
     * the name and company without its legal suffix), 5 % people who already came in earlier in the same round.
     *
     * @param round      the round (ids and people differ per round)
     * @param n          how many
     * @param existing   the size of the existing base
     * @param fromMinute minutes after {@link #START} of the first capture
     * @return the captures in time order
     */
    public static List<LeadCaptured> intake(int round, int n, int existing, long fromMinute) {
        SplittableRandom r = new SplittableRandom(round * 7919L + 17);
        String[] channels = {"WECHAT", "BAIDU_ADS", "TRADE_SHOW", "REFERRAL", "WEBSITE"};
        List<LeadCaptured> out = new ArrayList<>(n);
        int fresh = 0;
        for (int i = 0; i < n; i++) {
            LeadCaptured.Builder b = LeadCaptured.builder("r" + round + "-" + i, at(fromMinute + i),
                    "N" + round + "-" + i, channels[r.nextInt(channels.length)]);
            int kind = r.nextInt(100);
            if (kind < 10) { // someone the base already has, written differently
                int p = r.nextInt(existing);
                switch (r.nextInt(3)) {
                    case 0 -> b.phone("+86-" + mobile(p).substring(0, 3) + "-" + mobile(p).substring(3, 7) + "-"
                            + mobile(p).substring(7));
                    case 1 -> b.email("P" + p + "@EXAMPLE.CN").phone(mobile(existing + 1_000_000 * (round + 1) + i));
                    // the same person at the same company (a company alone is a colleague, not a duplicate)
                    default -> b.name(" " + contact(p - p % 3).toUpperCase(java.util.Locale.ROOT))
                            .company(company(p - p % 3)).phone(mobile(existing + 1_000_000 * (round + 1) + i));
                }
            } else if (kind < 15 && fresh > 0) { // someone who came in earlier this round
                int q = r.nextInt(fresh);
                b.phone(mobile(existing + 1_000_000 * (round + 1) + q) .replaceFirst("^1", "+86 1"));
            } else {
                b.phone(mobile(existing + 1_000_000 * (round + 1) + fresh)).email("n" + round + "-" + fresh
                        + "@example.cn");
                fresh++;
            }
            out.add(b.build());
        }
        return out;
    }

    /** @return a distinct valid mainland mobile number for each {@code i} below 100,000,000 */
    static String mobile(int i) {
        return "139" + String.format("%08d", i);
    }

    private static String contact(int i) {
        return "Contact " + Integer.toString(i, 36);
    }

    private static String company(int i) {
        return "上海" + Integer.toString(i, 36).toUpperCase(java.util.Locale.ROOT) + "精密机械";
    }
}
