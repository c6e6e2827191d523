package dev.custflow.properties;

import dev.custflow.event.ClockTick;
import dev.custflow.event.ContractSigned;
import dev.custflow.event.CustomerErased;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.RepUpdated;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.TicketKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random but valid event streams over a handful of customers and two years, in time order, with
 * the event mix that exercises every lifecycle rule (captures, some without a usable phone, some with another
 * customer's referral code, orders far and near apart, complaints and their resolution, surveys, contracts, rep
 * contacts, ticks), and now and then a customer erased.
 */
final class EngineArbitraries {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private EngineArbitraries() {
    }

    /** @return streams of 1 to {@code maxEvents} events */
    static Arbitrary<List<Event>> streams(int maxEvents) {
        return Arbitraries.longs().flatMap(seed -> Arbitraries.integers().between(1, maxEvents)
                .map(n -> stream(seed, n)));
    }

    static List<Event> stream(long seed, int n) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>(n);
        long t = START.toEpochMilli();
        List<String> openTickets = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        int customers = 1 + r.nextInt(8);
        int reps = r.nextInt(4); // none: no assignment at all
        for (int k = 0; k < reps; k++) {
            out.add(new RepUpdated("rep" + k, Instant.ofEpochMilli(t), "r" + k, null, k % 2 == 0 ? "EAST" : "WEST",
                    k % 2 == 0 ? "华东" : "华南", null, k == 0, 1 + r.nextInt(3), true));
        }
        for (int i = 0; i < n; i++) {
            t += (long) (r.nextDouble() * r.nextDouble() * 40 * 86_400_000L); // mostly short gaps, some long
            Instant at = Instant.ofEpochMilli(t);
            String id = "e" + i;
            String c = "C" + r.nextInt(customers);
            switch (r.nextInt(11)) {
                case 0 -> out.add(r.nextInt(6) == 0 && reps > 0
                        ? new RepUpdated(id, at, "r" + r.nextInt(reps), null, null, null, null, null, null,
                        r.nextBoolean())
                        : LeadCaptured.builder(id, at, c, r.nextBoolean() ? "WEBSITE" : "WECHAT")
                        .phone(phone(r)).email(r.nextInt(3) == 0 ? "p" + r.nextInt(4) + "@example.com" : null)
                        .region(r.nextBoolean() ? "华东" : null).doNotEmail(r.nextInt(5) == 0)
                        .referralCode(r.nextInt(3) == 0 ? codeOf("C" + r.nextInt(customers)) : null).build());
                case 1, 2, 3 -> {
                    String o = "o" + i;
                    orders.add(o);
                    out.add(OrderPlaced.of(id, at, o, c, BigDecimal.valueOf(r.nextInt(50_000), 2)));
                }
                case 4 -> {
                    String tk = "t" + i;
                    openTickets.add(tk);
                    out.add(new TicketOpened(id, at, tk, c, TicketKind.values()[r.nextInt(TicketKind.values().length)],
                            null));
                }
                case 5 -> {
                    if (openTickets.isEmpty()) {
                        out.add(new ClockTick(id, at));
                    } else {
                        out.add(new TicketResolved(id, at, openTickets.remove(r.nextInt(openTickets.size())),
                                r.nextBoolean(), null));
                    }
                }
                case 6 -> out.add(new SurveyAnswered(id, at, c, r.nextInt(11), null, null));
                case 7 -> out.add(new ClockTick(id, at));
                case 8 -> out.add(InteractionLogged.of(id, at, c, InteractionKind.values()[r.nextInt(10)],
                        r.nextBoolean() ? "r1" : null));
                case 9 -> out.add(orders.isEmpty() ? new ClockTick(id, at)
                        : new OrderStatusChanged(id, at, orders.get(r.nextInt(orders.size())),
                        OrderStatus.values()[1 + r.nextInt(OrderStatus.values().length - 1)], null, null));
                default -> out.add(r.nextInt(6) == 0 ? new CustomerErased(id, at, c) : r.nextBoolean()
                        ? new ContractSigned(id, at, c, "K" + r.nextInt(3), LocalDate.of(2025, 1 + r.nextInt(12), 1), null)
                        : new ProfileUpdated(id, at, c, null, null, null, null, "华东", null, null, null, null, null,
                        null, r.nextBoolean(), null, null, null));
            }
        }
        return out;
    }

    /** @return the engine's own referral code of a customer: a lead that comes with it was referred by them */
    private static String codeOf(String customerId) {
        return new dev.custflow.internal.profile.CustomerRecord(customerId, START).getOwnReferralCode();
    }

    static Arbitrary<List<Event>> fulfilmentStreams(int maxEvents) {
        return Arbitraries.longs().flatMap(seed -> Arbitraries.integers().between(1, maxEvents)
                .map(n -> fulfilmentStream(seed, n)));
    }

    /**
     * Orders with lines and promised dates moving through fulfilment in any order a host may send (statuses out of
     * order, repeated, after a cancel), payments in parts, and ticks: everything the fulfilment pack reacts to.
     */
    static List<Event> fulfilmentStream(long seed, int n) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>(n);
        long t = START.toEpochMilli();
        List<String> orders = new ArrayList<>();
        int customers = 1 + r.nextInt(4);
        String[] skus = {"PUMP-1", "VALVE-7", "MOTOR-3"};
        for (int i = 0; i < n; i++) {
            t += (long) (r.nextDouble() * r.nextDouble() * 6 * 86_400_000L);
            Instant at = Instant.ofEpochMilli(t);
            String id = "f" + i;
            String c = "C" + r.nextInt(customers);
            switch (r.nextInt(6)) {
                case 0, 1 -> {
                    String o = "o" + i;
                    orders.add(o);
                    List<dev.custflow.event.OrderLine> lines = new ArrayList<>();
                    for (int k = r.nextInt(3); k > 0; k--) {
                        lines.add(new dev.custflow.event.OrderLine(skus[r.nextInt(skus.length)], 1 + r.nextInt(20),
                                BigDecimal.valueOf(r.nextInt(10_000), 2)));
                    }
                    out.add(new OrderPlaced(id, at, o, c, BigDecimal.valueOf(r.nextInt(500_000), 2), null, lines,
                            r.nextInt(4) == 0 ? null : LocalDate.ofInstant(at, java.time.ZoneOffset.UTC)
                                    .plusDays(r.nextInt(15))));
                }
                case 2, 3 -> out.add(orders.isEmpty() ? new ClockTick(id, at)
                        : new OrderStatusChanged(id, at, orders.get(r.nextInt(orders.size())),
                        OrderStatus.values()[1 + r.nextInt(OrderStatus.values().length - 1)],
                        r.nextBoolean() ? "SF" + r.nextInt(1000) : null, null));
                case 4 -> out.add(orders.isEmpty() ? new ClockTick(id, at)
                        : new dev.custflow.event.PaymentReceived(id, at, orders.get(r.nextInt(orders.size())),
                        BigDecimal.valueOf(r.nextInt(300_000), 2), null));
                default -> out.add(new ClockTick(id, at));
            }
        }
        return out;
    }

    /**
     * Mostly a mobile number, as intake accepts it, from a few so that leads of different ids are often the same
     * person (merges); now and then a placeholder or a number too short to use.
     */
    private static String phone(Random r) {
        int kind = r.nextInt(10);
        return kind == 0 ? "N/A" : kind == 1 ? "1380000" + r.nextInt(1000)
                : String.format(java.util.Locale.ROOT, "+86 138-0000-%04d", r.nextInt(12));
    }
}
