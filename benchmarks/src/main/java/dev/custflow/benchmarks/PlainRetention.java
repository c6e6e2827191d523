package dev.custflow.benchmarks;

import dev.custflow.event.ClockTick;
import dev.custflow.event.ContractSigned;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.model.ChurnCause;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Segment;
import dev.custflow.settings.Settings;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The baseline of W5: the time rules of the churn, reminders, marketing and segments packs, and the
 * policy gate's quiet hours and frequency cap, written by hand in plain Java for the events W5 uses
 * (leads, orders with lines, deliveries, contracts, ticks) — what a careful developer would write for
 * exactly these rules without a rule engine. One small mutable object per customer with primitive
 * histories, booleans for "done once" notes, a priority queue of due times (a customer is looked at
 * only on the day something can fall due), and the weekly RFM recompute by primitive sorts. It
 * counts what it would emit by type and detail ({@link #counts()}) instead of building actions; no
 * JSON, audit, ids, de-duplication or partitions. {@code RetentionBaselineAgreesWithEngineTest}
 * checks that the counts equal the engine's, so the ratios in BENCHMARKS.md compare equal work.
 */
public final class PlainRetention {
    private static final long DAY = 86_400_000L;
    private static final long NEVER = Long.MIN_VALUE;
    /** A customer's open warnings are a bit set over the causes' ordinals. */
    private static final ChurnCause[] CAUSES = ChurnCause.values();

    /** One customer, as small as the rules need. */
    static final class Customer {
        final String id;
        boolean email;
        LocalDate birthday;
        int[] orderMinutes = new int[2];
        long[] orderCents = new long[2];
        int orders;
        long totalCents;
        long printerFirstAt = NEVER;
        boolean boughtToner;
        long lastDeliveredAt = NEVER;
        String[] contracts = new String[0];
        LocalDate[] contractEnds = new LocalDate[0];
        LocalDate[] renewedFor = new LocalDate[0];
        int warnings;
        boolean onboarded;
        boolean winBackSent;
        boolean crossSold;
        int birthdayYear;
        long revisitFor = NEVER;
        long repurchaseFor = NEVER;
        int r;
        int f;
        int m;
        Segment segment;
        boolean frequentTag;
        boolean occasionalTag;
        long[] marketingAt = new long[0];
        long[] heldUntil = new long[0];
        String[] heldKey = new String[0];
        long dueAt = Long.MAX_VALUE;

        Customer(String id) {
            this.id = id;
        }

        long lastAt() {
            return orderMinutes[orders - 1] * 60_000L;
        }

        long firstAt() {
            return orderMinutes[0] * 60_000L;
        }
    }

    private record Due(long at, Customer customer) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return Long.compare(at, o.at);
        }
    }

    private final Settings s;
    private final ZoneId zone;
    private final Map<String, Customer> customers = new HashMap<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long clock = Long.MIN_VALUE;
    private long nextRecompute = Long.MIN_VALUE;
    private long nextDigest = Long.MIN_VALUE;
    private long evaluations;
    private final java.util.Set<Customer> atRisk = new java.util.HashSet<>();
    /** The digest's customers of the last week, highest risk first (kept so the work is not optimised away). */
    private java.util.List<Customer> lastDigest = java.util.List.of();
    /** RFM thresholds for orders between two recomputes; null before the first. */
    private long[][] scale;

    /** @param settings the same settings the engine runs with */
    public PlainRetention(Settings settings) {
        this.s = settings;
        this.zone = settings.timeZone();
    }

    /** @return actions by type and detail ("CHURN_WARNING NO_ORDER", "MESSAGE_REQUESTED BIRTHDAY", ...) */
    public Map<String, Long> counts() {
        return counts;
    }

    /** @return how many times a customer was looked at (events and wake-ups) */
    public long evaluations() {
        return evaluations;
    }

    /** @return how many customers */
    public int customerCount() {
        return customers.size();
    }

    /** @param e the next event, in time order */
    public void accept(Event e) {
        long t = e.at().toEpochMilli();
        if (t > clock) {
            if (nextRecompute == Long.MIN_VALUE) {
                nextRecompute = weekly(t, s.segments().recomputeDay(), s.segments().recomputeTime());
                nextDigest = weekly(t, s.churn().digestDay(), s.churn().digestTime());
            }
            long boundary = 0;
            while (nextRecompute <= t) {
                boundary = nextRecompute;
                nextRecompute = weekly(nextRecompute, s.segments().recomputeDay(), s.segments().recomputeTime());
            }
            if (boundary != 0) {
                clock = Math.max(clock, boundary);
                wake(clock);
                recompute(clock);
            }
            boolean digest = false;
            while (nextDigest <= t) {
                digest = true;
                nextDigest = weekly(nextDigest, s.churn().digestDay(), s.churn().digestTime());
            }
            clock = t;
            wake(t);
            if (digest && s.churn().weeklyDigest() && !atRisk.isEmpty()) {
                digest(t);
            }
        }
        if (e instanceof ClockTick) {
            return;
        }
        Customer c = customers.computeIfAbsent(e.subjectId(), Customer::new);
        if (e instanceof LeadCaptured l) {
            c.email |= l.email() != null;
            if (l.birthday() != null) {
                c.birthday = l.birthday();
            }
        } else if (e instanceof OrderPlaced o) {
            place(c, o, t);
        } else if (e instanceof OrderStatusChanged o && o.status() == OrderStatus.DELIVERED) {
            c.lastDeliveredAt = Math.max(c.lastDeliveredAt, t);
        } else if (e instanceof ContractSigned k) {
            int i = Arrays.asList(c.contracts).indexOf(k.contractId());
            if (i < 0) {
                i = c.contracts.length;
                c.contracts = Arrays.copyOf(c.contracts, i + 1);
                c.contractEnds = Arrays.copyOf(c.contractEnds, i + 1);
                c.renewedFor = Arrays.copyOf(c.renewedFor, i + 1);
                c.contracts[i] = k.contractId();
            }
            c.contractEnds[i] = k.expiresOn();
        }
        evaluate(c, t);
    }

    private void place(Customer c, OrderPlaced o, long t) {
        if (c.orders == c.orderMinutes.length) {
            c.orderMinutes = Arrays.copyOf(c.orderMinutes, c.orders * 2);
            c.orderCents = Arrays.copyOf(c.orderCents, c.orders * 2);
        }
        c.orderMinutes[c.orders] = (int) (t / 60_000L);
        long cents = o.amount().movePointRight(2).longValueExact();
        c.orderCents[c.orders++] = cents;
        c.totalCents += cents;
        if (o.lines() != null) {
            for (OrderLine line : o.lines()) {
                if ("PRINTER".equals(line.sku()) && c.printerFirstAt == NEVER) {
                    c.printerFirstAt = t / 60_000L * 60_000L;
                } else if ("TONER".equals(line.sku())) {
                    c.boughtToner = true;
                }
            }
        }
        if (scale != null) {
            c.r = down(scale[0], days(c.lastAt(), t));
            c.f = up(scale[1], c.orders);
            c.m = up(scale[2], c.totalCents);
        }
    }

    /** Looks at every customer due at or before {@code now}, earliest first. */
    private void wake(long now) {
        while (!due.isEmpty() && due.peek().at() <= now) {
            Due d = due.poll();
            if (d.customer().dueAt == d.at()) {
                d.customer().dueAt = Long.MAX_VALUE;
                evaluate(d.customer(), now);
            }
        }
    }

    private static int days(long from, long to) {
        return (int) Math.floorDiv(to - from, DAY);
    }

    /** Every rule of the four packs for one customer at {@code now}, then its next due time. */
    private void evaluate(Customer c, long now) {
        evaluations++;
        boolean wasAtRisk = c.warnings != 0;
        release(c, now);
        boolean ordered = c.orders > 0;
        int sinceLast = ordered ? days(c.lastAt(), now) : -1;
        double mean = c.orders < 2 ? -1 : (c.orderMinutes[c.orders - 1] - c.orderMinutes[0]) / 1440.0 / (c.orders - 1);
        // churn
        if (ordered) {
            warn(c, ChurnCause.NO_ORDER, sinceLast >= s.churn().noOrderDays(), sinceLast < s.churn().noOrderDays());
            warn(c, ChurnCause.NO_ORDER_LONG, sinceLast >= s.churn().longNoOrderDays(),
                    sinceLast < s.churn().longNoOrderDays());
            boolean fell = c.orders >= 3 && c.orderCents[c.orders - 1] < c.orderCents[c.orders - 2]
                    && c.orderCents[c.orders - 2] < c.orderCents[c.orders - 3];
            warn(c, ChurnCause.AMOUNT_FALLING, fell, !fell);
            double limit = s.churn().intervalFactor() * mean;
            warn(c, ChurnCause.INTERVAL_LENGTHENING, c.orders >= s.churn().intervalMinOrders() && mean > 0
                    && sinceLast > limit, sinceLast <= limit);
        }
        // reminders
        LocalDate today = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
        if (c.birthday != null && c.birthday.withYear(today.getYear()).equals(today)
                && c.birthdayYear != today.getYear()) {
            message(c, "BIRTHDAY", false, now);
            c.birthdayYear = today.getYear();
        }
        for (int i = 0; i < c.contracts.length; i++) {
            long until = ChronoUnit.DAYS.between(today, c.contractEnds[i]);
            if (until <= s.reminders().renewalDaysBefore() && until >= 0 && !c.contractEnds[i].equals(c.renewedFor[i])) {
                count("TASK_CREATED RENEWAL");
                c.renewedFor[i] = c.contractEnds[i];
            }
        }
        if (c.lastDeliveredAt != NEVER) {
            int sinceDelivery = days(c.lastDeliveredAt, now);
            int after = s.reminders().revisitAfterDeliveryDays();
            if (sinceDelivery >= after && sinceDelivery < after * 2 && c.revisitFor != c.lastDeliveredAt) {
                count("TASK_CREATED REVISIT");
                c.revisitFor = c.lastDeliveredAt;
            }
        }
        long predicted = predictedRepurchase(c);
        if (predicted != NEVER && c.repurchaseFor != c.lastAt() && now < predicted
                && now >= predicted - s.reminders().repurchaseDaysBefore() * DAY) {
            count("TASK_CREATED REVISIT");
            c.repurchaseFor = c.lastAt();
        }
        // marketing (every W5 customer has an e-mail address, so every trigger has a channel)
        if (ordered && c.email) {
            int sinceFirst = days(c.firstAt(), now);
            if (!c.onboarded && sinceFirst >= s.marketing().onboardingDay()
                    && sinceFirst <= s.marketing().onboardingDay() + s.marketing().onboardingLate()) {
                message(c, "ONBOARDING", false, now);
                c.onboarded = true;
            }
            if (!c.winBackSent && sinceLast >= s.marketing().winBackDays()) {
                message(c, "WIN_BACK", true, now);
                c.winBackSent = true;
            } else if (c.winBackSent && sinceLast < s.marketing().winBackDays()) {
                c.winBackSent = false;
            }
            if (c.printerFirstAt != NEVER && !c.boughtToner && !c.crossSold
                    && days(c.printerFirstAt, now) >= crossSellDays()) {
                message(c, "CROSS_SELL", true, now);
                c.crossSold = true;
            }
        }
        // segments and frequency tags
        if (c.r > 0) {
            segment(c, now);
        }
        if (wasAtRisk != (c.warnings != 0)) {
            if (c.warnings != 0) {
                atRisk.add(c);
            } else {
                atRisk.remove(c);
            }
        }
        schedule(c, now, mean, predicted);
    }

    /** The weekly digest: the at-risk customers (none has an owner in W5), highest risk first, at most the maximum. */
    private void digest(long now) {
        int max = s.churn().digestMaxCustomers();
        java.util.Comparator<Customer> highestRiskFirst = (a, b) -> {
            int la = level(a);
            int lb = level(b);
            if (la != lb) {
                return Integer.compare(lb, la);
            }
            int ca = Integer.bitCount(a.warnings);
            int cb = Integer.bitCount(b.warnings);
            if (ca != cb) {
                return Integer.compare(cb, ca);
            }
            int da = days(a.lastAt(), now);
            int db = days(b.lastAt(), now);
            return da != db ? Integer.compare(db, da) : a.id.compareTo(b.id);
        };
        PriorityQueue<Customer> top = new PriorityQueue<>(highestRiskFirst.reversed());
        for (Customer c : atRisk) {
            if (top.size() < max) {
                top.add(c);
            } else if (highestRiskFirst.compare(c, top.peek()) < 0) {
                top.poll();
                top.add(c);
            }
        }
        java.util.List<Customer> list = new java.util.ArrayList<>(top);
        list.sort(highestRiskFirst);
        lastDigest = list;
        count("AT_RISK_DIGEST");
    }

    /** The highest level of the open warnings, as settings.churn.levels gives them. */
    private int level(Customer c) {
        int max = -1;
        for (ChurnCause cause : CAUSES) {
            if ((c.warnings & 1 << cause.ordinal()) != 0) {
                max = Math.max(max, s.churn().level(cause).ordinal());
            }
        }
        return max;
    }

    /** @return the customers of the last digest, highest risk first */
    public java.util.List<String> lastDigest() {
        return lastDigest.stream().map(c -> c.id).toList();
    }

    private int crossSellDays() {
        return s.marketing().crossSell().get(0).afterDays();
    }

    /** Opens or clears the warning of a cause, as the churn pack would. */
    private void warn(Customer c, ChurnCause cause, boolean warn, boolean clear) {
        int bit = 1 << cause.ordinal();
        if ((c.warnings & bit) == 0 && warn) {
            c.warnings |= bit;
            count("CHURN_WARNING " + cause.name());
        } else if ((c.warnings & bit) != 0 && clear) {
            c.warnings &= ~bit;
            count("CHURN_CLEARED " + cause.name());
        }
    }

    private long predictedRepurchase(Customer c) {
        if (c.orders < 2) {
            return NEVER;
        }
        int[] gaps = new int[c.orders - 1];
        for (int i = 1; i < c.orders; i++) {
            gaps[i - 1] = c.orderMinutes[i] - c.orderMinutes[i - 1];
        }
        Arrays.sort(gaps);
        int n = gaps.length;
        double median = (n % 2 == 1 ? gaps[n / 2] : (gaps[n / 2 - 1] + (double) gaps[n / 2]) / 2) / 1440;
        return c.lastAt() + Math.round(median * DAY);
    }

    private void segment(Customer c, long now) {
        var seg = s.segments();
        boolean isNew = c.orders == 1 && days(c.firstAt(), now) < seg.newCustomerDays();
        Segment next;
        if (isNew) {
            next = Segment.NEW;
        } else if (c.r >= 4 && c.f >= 4 && c.m >= 4) {
            next = Segment.HIGH_VALUE;
        } else if (c.r >= 3) {
            next = Segment.POTENTIAL;
        } else if (c.f >= 4 || c.m >= 4) {
            next = Segment.AT_RISK;
        } else {
            next = c.r == 2 ? Segment.SLEEPING : Segment.LOST;
        }
        if (next != c.segment) {
            c.segment = next;
            count("SEGMENT_CHANGED " + next);
        }
        if (c.f >= seg.frequentBuyerScore() && !c.frequentTag) {
            untag(c, false);
            c.frequentTag = true;
            count("TAG_ADDED frequent-buyer");
        } else if (c.f <= seg.occasionalBuyerScore() && !c.occasionalTag) {
            untag(c, true);
            c.occasionalTag = true;
            count("TAG_ADDED occasional-buyer");
        } else if (c.f > seg.occasionalBuyerScore() && c.f < seg.frequentBuyerScore()) {
            untag(c, true);
            untag(c, false);
        }
    }

    private void untag(Customer c, boolean frequent) {
        if (frequent && c.frequentTag) {
            c.frequentTag = false;
            count("TAG_REMOVED frequent-buyer");
        } else if (!frequent && c.occasionalTag) {
            c.occasionalTag = false;
            count("TAG_REMOVED occasional-buyer");
        }
    }

    /** The policy gate for one message: the frequency cap for marketing, then quiet hours. */
    private void message(Customer c, String template, boolean marketing, long now) {
        var policy = s.policy();
        long window = policy.marketingCapDays() * DAY;
        if (marketing) {
            int sent = 0;
            for (long at : c.marketingAt) {
                sent += at > now - window ? 1 : 0;
            }
            if (sent >= policy.marketingCap()) {
                count("SUPPRESSED");
                return;
            }
        }
        long until = endOfQuietHours(now);
        if (marketing) {
            long[] kept = Arrays.stream(c.marketingAt).filter(at -> at > now - window).toArray();
            c.marketingAt = Arrays.copyOf(kept, kept.length + 1);
            c.marketingAt[kept.length] = Math.max(now, until);
        }
        if (until > now) {
            c.heldUntil = Arrays.copyOf(c.heldUntil, c.heldUntil.length + 1);
            c.heldKey = Arrays.copyOf(c.heldKey, c.heldKey.length + 1);
            c.heldUntil[c.heldUntil.length - 1] = until;
            c.heldKey[c.heldKey.length - 1] = template;
            count("DEFERRED");
        } else {
            count("MESSAGE_REQUESTED " + template);
        }
    }

    private void release(Customer c, long now) {
        if (c.heldUntil.length == 0) {
            return;
        }
        int kept = 0;
        for (int i = 0; i < c.heldUntil.length; i++) {
            if (c.heldUntil[i] <= now) {
                count("MESSAGE_REQUESTED " + c.heldKey[i]);
            } else {
                c.heldUntil[kept] = c.heldUntil[i];
                c.heldKey[kept++] = c.heldKey[i];
            }
        }
        c.heldUntil = Arrays.copyOf(c.heldUntil, kept);
        c.heldKey = Arrays.copyOf(c.heldKey, kept);
    }

    private long endOfQuietHours(long now) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(now), zone);
        LocalTime start = s.policy().quietHoursStart();
        LocalTime end = s.policy().quietHoursEnd();
        LocalTime t = local.toLocalTime();
        boolean quiet = start.isAfter(end) ? !t.isBefore(start) || t.isBefore(end)
                : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return now;
        }
        LocalDateTime until = local.toLocalDate().atTime(end);
        if (!until.isAfter(local)) {
            until = until.plusDays(1);
        }
        return ZonedDateTime.of(until, zone).toInstant().toEpochMilli();
    }

    /** The next time any of the rules can change its mind about this customer. */
    private void schedule(Customer c, long now, double mean, long predicted) {
        long next = Long.MAX_VALUE;
        if (c.orders > 0) {
            next = sooner(next, now, c.lastAt() + s.churn().noOrderDays() * DAY);
            next = sooner(next, now, c.lastAt() + s.churn().longNoOrderDays() * DAY);
            if (c.orders >= 3 && mean >= 0) {
                next = sooner(next, now, c.lastAt() + ((long) Math.floor(s.churn().intervalFactor() * mean) + 1) * DAY);
            }
            if (!c.onboarded) {
                next = sooner(next, now, c.firstAt() + s.marketing().onboardingDay() * DAY);
            }
            if (!c.winBackSent) {
                next = sooner(next, now, c.lastAt() + s.marketing().winBackDays() * DAY);
            }
            if (!c.crossSold && !c.boughtToner && c.printerFirstAt != NEVER) {
                next = sooner(next, now, c.printerFirstAt + crossSellDays() * DAY);
            }
        }
        if (c.birthday != null) {
            LocalDate today = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
            LocalDate b = c.birthday.withYear(today.getYear());
            if (!b.isAfter(today)) {
                b = c.birthday.withYear(today.getYear() + 1);
            }
            next = sooner(next, now, b.atStartOfDay(zone).toInstant().toEpochMilli());
        }
        for (LocalDate end : c.contractEnds) {
            next = sooner(next, now, end.minusDays(s.reminders().renewalDaysBefore()).atStartOfDay(zone).toInstant()
                    .toEpochMilli());
        }
        if (c.lastDeliveredAt != NEVER) {
            next = sooner(next, now, c.lastDeliveredAt + s.reminders().revisitAfterDeliveryDays() * DAY);
        }
        if (predicted != NEVER) {
            next = sooner(next, now, predicted - s.reminders().repurchaseDaysBefore() * DAY);
        }
        for (long until : c.heldUntil) {
            next = Math.min(next, until);
        }
        if (next != c.dueAt) {
            c.dueAt = next;
            if (next != Long.MAX_VALUE) {
                due.add(new Due(next, c));
            }
        }
    }

    private static long sooner(long next, long now, long t) {
        return t > now && t < next ? t : next;
    }

    // ---------------------------------------------------------------- weekly RFM by fifths

    /** Rescores every buyer by fifths of the base and looks again at those whose scores moved. */
    private void recompute(long now) {
        Customer[] base = customers.values().stream().filter(c -> c.orders > 0).toArray(Customer[]::new);
        int n = base.length;
        long[] hashRank = new long[n];
        for (int i = 0; i < n; i++) {
            hashRank[i] = (idHash(base[i].id) & VALUE_MAX) << RANK_BITS | i;
        }
        Arrays.parallelSort(hashRank); // the engine sorts in parallel too
        Customer[] byTie = new Customer[n];
        for (int k = 0; k < n; k++) {
            byTie[k] = base[(int) (hashRank[k] & RANK_MASK)];
        }
        for (int k = 0; k < n; ) { // equal hashes (rare): by id
            int end = k + 1;
            while (end < n && hashRank[end] >>> RANK_BITS == hashRank[k] >>> RANK_BITS) {
                end++;
            }
            if (end - k > 1) {
                Arrays.sort(byTie, k, end, (a, b) -> a.id.compareTo(b.id));
            }
            k = end;
        }
        long[] recency = new long[n];
        long[] frequency = new long[n];
        long[] monetary = new long[n];
        for (int k = 0; k < n; k++) {
            recency[k] = days(byTie[k].lastAt(), now);
            frequency[k] = byTie[k].orders;
            monetary[k] = byTie[k].totalCents;
        }
        int[] r = new int[n];
        int[] f = new int[n];
        int[] m = new int[n];
        long[][] next = {fifths(recency, r, true), fifths(frequency, f, false), fifths(monetary, m, false)};
        for (int k = 0; k < n; k++) {
            Customer c = byTie[k];
            if (c.r != r[k] || c.f != f[k] || c.m != m[k]) {
                c.r = r[k];
                c.f = f[k];
                c.m = m[k];
                evaluate(c, now);
            }
        }
        scale = next;
    }

    private static final int RANK_BITS = 24;
    private static final long RANK_MASK = (1L << RANK_BITS) - 1;
    private static final long VALUE_MAX = (1L << (63 - RANK_BITS)) - 1;

    /** Scores by fifth of rank (ties in tie order, which is the array order), returns the edge values. */
    private static long[] fifths(long[] value, int[] score, boolean lowerIsBetter) {
        int n = value.length;
        long[] keyed = new long[n];
        for (int k = 0; k < n; k++) {
            long v = Math.min(Math.max(value[k], 0), VALUE_MAX);
            keyed[k] = (lowerIsBetter ? v : VALUE_MAX - v) << RANK_BITS | k;
        }
        Arrays.parallelSort(keyed);
        long[] edges = new long[4];
        for (int rank = 0; rank < n; rank++) {
            score[(int) (keyed[rank] & RANK_MASK)] = 5 - (int) ((long) rank * 5 / n);
        }
        for (int k = 0; k < 4; k++) {
            int last = Math.max(0, (int) Math.ceil((k + 1) * n / 5.0) - 1);
            edges[k] = n == 0 ? 0 : value[(int) (keyed[last] & RANK_MASK)];
        }
        if (lowerIsBetter) {
            return edges;
        }
        long[] up = new long[4];
        for (int k = 0; k < 4; k++) {
            up[k] = edges[3 - k];
        }
        for (int k = 1; k < 4; k++) {
            up[k] = Math.max(up[k], up[k - 1]);
        }
        return up;
    }

    private static int down(long[] t, long v) {
        for (int k = 0; k < 4; k++) {
            if (v <= t[k]) {
                return 5 - k;
            }
        }
        return 1;
    }

    private static int up(long[] t, long v) {
        for (int k = 3; k >= 0; k--) {
            if (v >= t[k]) {
                return k + 2;
            }
        }
        return 1;
    }

    /** The tie order of the engine's quintiles (documented: ties go in the order of a hash of the id). */
    private static long idHash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private long weekly(long after, DayOfWeek day, LocalTime time) {
        ZonedDateTime z = Instant.ofEpochMilli(after).atZone(zone);
        ZonedDateTime d = z.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(zone);
        if (!d.toInstant().isAfter(z.toInstant())) {
            d = d.plusWeeks(1);
        }
        return d.toInstant().toEpochMilli();
    }

    private void count(String key) {
        counts.merge(key, 1L, Long::sum);
    }
}
