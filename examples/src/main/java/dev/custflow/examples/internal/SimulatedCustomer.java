package dev.custflow.examples.internal;

import dev.custflow.model.Channel;
import dev.custflow.event.BantUpdated;
import dev.custflow.event.ConsentChanged;
import dev.custflow.event.ContractSigned;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.LeadLost;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.PaymentReceived;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.LossReason;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Outcome;
import dev.custflow.model.Review;
import dev.custflow.model.TicketKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One person or company over the simulated year: arrives as a lead through a channel, is engaged
 * (or not) by marketing and a rep, may become a customer directly or through a won opportunity,
 * then buys with its own rhythm until it stops, with deliveries, payments, tickets and surveys
 * along the way.
 *
 * <p>The customer plans one episode at a time (the arrival with its sales journey, then each order
 * with its follow-ups), so memory stays small however many customers there are. It draws from its
 * own random stream, seeded from the simulation seed and its number: its story does not depend on
 * the other customers, and a seed always tells the same story.
 *
 * <p>The probabilities below are the simulation's assumptions, picked to give a plausible funnel
 * for a B2B supplier (about half of the leads buy, most buyers buy once, a fifth buy monthly).
 */
public final class SimulatedCustomer extends Actor {
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final BigDecimal CENTS = new BigDecimal("0.01");

    private static final String[] CHANNELS = {
        "WEBSITE", "WECHAT", "BAIDU_ADS", "TENCENT_ADS", "TRADE_SHOW", "REFERRAL", "EVENT", "MANUAL"};
    private static final double[] CHANNEL_SHARE = {0.28, 0.24, 0.12, 0.08, 0.10, 0.08, 0.05, 0.05};
    /** Per channel: the chance of a junk, cold, warm and hot lead (ads bring the most noise, referrals the best). */
    private static final double[][] TEMPERATURE = {
        {0.05, 0.40, 0.38, 0.17},
        {0.06, 0.45, 0.35, 0.14},
        {0.12, 0.50, 0.28, 0.10},
        {0.12, 0.50, 0.28, 0.10},
        {0.03, 0.25, 0.42, 0.30},
        {0.01, 0.15, 0.40, 0.44},
        {0.03, 0.30, 0.42, 0.25},
        {0.02, 0.30, 0.40, 0.28}};
    private static final int JUNK = 0;
    private static final int COLD = 1;
    private static final int WARM = 2;
    private static final int HOT = 3;

    /** How a buyer buys: mean days between orders, and the chance of stopping after each order. */
    private enum Cadence {
        ONE_OFF(0, 1), OCCASIONAL(70, 0.22), REGULAR(24, 0.08);

        final double meanGapDays;
        final double stopChance;

        Cadence(double meanGapDays, double stopChance) {
            this.meanGapDays = meanGapDays;
            this.stopChance = stopChance;
        }
    }

    /** Happy, neutral or unhappy: drives surveys, tickets and returns. */
    private static final double[] TICKET_CHANCE = {0.06, 0.10, 0.25};
    private static final double[] RETURN_CHANCE = {0.02, 0.03, 0.08};

    private record Planned(long at, int seq, Event event) {
    }

    private static final Comparator<Planned> PLAN_ORDER =
            Comparator.comparingLong(Planned::at).thenComparingInt(Planned::seq);

    private final Timeline time;
    private final SalesOrganisation sales;
    private final SplittableRandom r;
    /** Whether and why the sales team gives the lead up (a stream of its own: see {@link #giveUp}). */
    private final SplittableRandom loss;
    private final int number;
    private final String id;
    /** The referral code the lead comes with if it comes by referral (the company's referral programme), or null. */
    private String referralCode;
    private final long arrivesAt;
    private final PriorityQueue<Planned> planned = new PriorityQueue<>(8, PLAN_ORDER);

    /** When the next episode starts (its first event happens then), or DONE. */
    private long episodeAt;
    private boolean arrived;
    private int seq;
    private int orders;
    private int tickets;

    private int channel;
    private int temperature;
    private String repId;
    private int companySize;
    private Cadence cadence;
    private int mood;
    private double spend;
    private double trend;

    /**
     * @param number     the customer's number (0-based), its rank among customers at the same instant
     * @param id         the customer (and lead) id
     * @param time       the calendar
     * @param sales      the sales organisation (for the rep of the region)
     * @param seed       the simulation seed
     */
    public SimulatedCustomer(int number, String id, Timeline time, SalesOrganisation sales, long seed) {
        super(2, number);
        this.number = number;
        this.id = id;
        this.time = time;
        this.sales = sales;
        this.r = new SplittableRandom(mix(seed, number));
        this.loss = new SplittableRandom(mix(seed, number) ^ 0x1EAD_1055L);
        this.channel = draw(CHANNEL_SHARE);
        this.episodeAt = arrival();
        this.arrivesAt = episodeAt;
    }

    /** @return the customer's id */
    public String id() {
        return id;
    }

    /** @return when the lead arrives (its capture) */
    public long arrivesAt() {
        return arrivesAt;
    }

    /** @return true if the lead comes through the REFERRAL channel */
    public boolean byReferral() {
        return CHANNELS[channel].equals("REFERRAL");
    }

    /**
     * @param code the referral code the lead gives at capture if it comes by referral, or null for none; set before
     *             the first event is read
     */
    public void comesWith(String code) {
        this.referralCode = code;
    }

    /** Spreads (seed, number) over the seed space so neighbouring customers draw unrelated streams. */
    private static long mix(long seed, long number) {
        long z = seed * 0x9E3779B97F4A7C15L + number * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Leads arrive evenly over the period, except trade-show leads, which come on the two show days. */
    private long arrival() {
        int days = time.days();
        if (CHANNELS[channel].equals("TRADE_SHOW")) {
            int day = r.nextBoolean() ? days * 22 / 100 : days * 70 / 100;
            return time.at(day, 10 + r.nextDouble() * 7);
        }
        boolean online = channel <= 3; // website, WeChat and ads: people fill in forms in the evening too
        double from = online ? 8 : 9;
        double to = online ? 23 : 18;
        return time.at(r.nextInt(days), from + r.nextDouble() * (to - from));
    }

    @Override
    public long nextAt() {
        long next = planned.isEmpty() ? DONE : planned.peek().at();
        return Math.min(next, episodeAt);
    }

    @Override
    public Event next() {
        while (episodeAt != DONE && (planned.isEmpty() || episodeAt <= planned.peek().at())) {
            long at = episodeAt;
            episodeAt = DONE;
            if (arrived) {
                order(at);
            } else {
                arrived = true;
                arrive(at);
            }
        }
        return planned.poll().event();
    }

    // ---------------------------------------------------------------- the sales journey

    private void arrive(long at) {
        int regionIndex = indexOf(Catalog.region(r));
        Catalog.Region region = Catalog.REGIONS.get(regionIndex);
        String city = Catalog.pick(region.cities(), r);
        repId = sales.repFor(regionIndex, number);
        temperature = draw(TEMPERATURE[channel]);
        companySize = (int) Math.max(1, Math.min(20_000, Math.round(lognormal(33, 1.3)))); // median 33 employees
        String title = Catalog.title(r);
        String phone = Catalog.mobile(r);
        LeadCaptured.Builder lead = LeadCaptured.builder(nextId(), Instant.ofEpochMilli(at), id, CHANNELS[channel])
                .region(region.name()).city(city).industry(Catalog.pick(Catalog.INDUSTRIES, r));
        if (temperature == JUNK) { // what forms collect from bots and typos: placeholders, no way to call back
            plan(at, lead.name(r.nextBoolean() ? "-" : "test").phone(r.nextBoolean() ? "N/A" : null).build());
            return;
        }
        lead.name(Catalog.personName(r)).company(Catalog.companyName(city, number)).companySize(companySize)
                .title(title).phone(phone).email("lead" + (number + 1) + "@mail" + (number % 7) + ".example.cn");
        if (r.nextDouble() < 0.6) {
            lead.birthday(LocalDate.of(1965 + r.nextInt(35), 1 + r.nextInt(12), 1 + r.nextInt(28)));
        }
        if (r.nextDouble() < 0.03) {
            lead.doNotCall(true);
        }
        if (byReferral() && referralCode != null) {
            lead.referralCode(referralCode);
        }
        plan(at, lead.build());
        if (r.nextDouble() < 0.02) { // the same person again through another channel, as a new lead with the same phone
            long again = later(at, 3, 40, false);
            String other = CHANNELS[(channel + 1 + r.nextInt(CHANNELS.length - 1)) % CHANNELS.length];
            plan(again, LeadCaptured.builder(nextId(), Instant.ofEpochMilli(again), id + "-2", other)
                    .name(Catalog.personName(r)).phone(phone).city(city).build());
        }
        if (r.nextDouble() < 0.03) { // some unsubscribe from e-mail or WeChat messages at some point
            long optOut = later(at, 10, 200, true);
            plan(optOut, new ConsentChanged(nextId(), Instant.ofEpochMilli(optOut), id,
                    r.nextBoolean() ? Channel.EMAIL : Channel.WECHAT, true));
        }
        boolean decisionMaker = Catalog.isDecisionMaker(title);
        long firstOrder = DONE;
        switch (temperature) {
            case COLD -> {
                browse(at, r.nextInt(3), 20, false);
                if (r.nextDouble() < 0.3) {
                    contact(later(at, 0.1, 5, false), InteractionKind.EMAIL_SENT);
                }
                if (r.nextDouble() < 0.08) {
                    firstOrder = later(at, 10, 90, false);
                }
            }
            case WARM -> {
                long call = r.nextDouble() < 0.4 ? quickly(at) : later(at, 5.0 / 1440, 3, false);
                contact(call, InteractionKind.CALL);
                browse(at, 2 + r.nextInt(5), 21, false);
                long bant = later(call, 1, 10, false);
                plan(bant, new BantUpdated(nextId(), Instant.ofEpochMilli(bant), id, r.nextDouble() < 0.5,
                        decisionMaker || r.nextDouble() < 0.3, true, r.nextDouble() < 0.6, null));
                if (r.nextDouble() < 0.45) {
                    firstOrder = later(at, 5, 60, false);
                }
            }
            case HOT -> firstOrder = pursue(at);
            default -> throw new IllegalStateException("temperature " + temperature);
        }
        if (firstOrder == DONE && temperature != HOT) {
            giveUp(at);
        }
        episodeAt = firstOrder;
    }

    /** A hot lead: quick call, lots of interest, a meeting, BANT confirmed, an opportunity won or lost. */
    private long pursue(long at) {
        long call = r.nextDouble() < 0.6 ? quickly(at) : later(at, 2.0 / 1440, 1, false);
        contact(call, InteractionKind.CALL);
        browse(at, 4 + r.nextInt(7), 14, true);
        contact(later(at, 3, 14, false), r.nextBoolean() ? InteractionKind.MEETING : InteractionKind.VISIT);
        BigDecimal deal = money(5_000 + 60_000 * StrictMath.pow(r.nextDouble(), 2));
        long bant = later(call, 1, 10, false);
        plan(bant, new BantUpdated(nextId(), Instant.ofEpochMilli(bant), id, true, true, true, true, deal));
        long closed = later(at, 20, 60, false);
        String opportunity = id + "-opp1";
        if (r.nextDouble() < 0.6) {
            plan(closed, new OpportunityClosed(nextId(), Instant.ofEpochMilli(closed), id, opportunity, Outcome.WON,
                    deal, null));
            long signed = later(closed, 0.5, 7, false);
            plan(signed, new ContractSigned(nextId(), Instant.ofEpochMilli(signed), id, id + "-k1",
                    time.localTime(signed).toLocalDate().plusYears(1).minusDays(1), deal));
            double c = r.nextDouble(); // contract customers buy more regularly than the average buyer
            cadence = c < 0.45 ? Cadence.REGULAR : c < 0.85 ? Cadence.OCCASIONAL : Cadence.ONE_OFF;
            return later(signed, 1, 20, false);
        }
        String why = Catalog.pick(List.of("价格偏高 (price)", "选择了竞争对手 (chose a competitor)",
                "预算取消 (budget cancelled)"), r);
        plan(closed, new OpportunityClosed(nextId(), Instant.ofEpochMilli(closed), id, opportunity, Outcome.LOST,
                deal, why));
        long back = r.nextDouble() < 0.15 ? later(closed, 30, 120, false) : DONE;
        if (back == DONE) { // the rep closes the lead too, with the deal's reason
            LossReason reason = why.contains("competitor") ? LossReason.CHOSE_COMPETITOR
                    : why.contains("budget") ? LossReason.NO_BUDGET : LossReason.OTHER;
            long given = lossAt(closed, 0, 3);
            plan(given, new LeadLost(nextId(), Instant.ofEpochMilli(given), id, reason, why));
        }
        return back;
    }

    /**
     * A lead that will not buy: often the rep closes it as lost after a while (cold leads nobody reaches, warm leads
     * without budget or that chose a competitor); otherwise it goes quiet and the engine recycles it. Drawn from a
     * stream of its own, so the rest of the customer's story is the same as without it.
     */
    private void giveUp(long capturedAt) {
        double chance = temperature == COLD ? 0.5 : 0.45;
        if (loss.nextDouble() >= chance) {
            return;
        }
        double x = loss.nextDouble();
        LossReason reason;
        String note = null;
        long at;
        if (temperature == COLD) {
            reason = x < 0.55 ? LossReason.UNREACHABLE : x < 0.85 ? LossReason.NO_NEED : LossReason.NO_BUDGET;
            if (reason == LossReason.UNREACHABLE) {
                note = "打了三次电话都没人接 (no answer to three calls)";
            }
            at = lossAt(capturedAt, 7, 45);
        } else {
            reason = x < 0.4 ? LossReason.NO_BUDGET : x < 0.7 ? LossReason.CHOSE_COMPETITOR : LossReason.NO_NEED;
            at = lossAt(capturedAt, 14, 60);
        }
        plan(at, new LeadLost(nextId(), Instant.ofEpochMilli(at), id, reason, note));
    }

    /** A moment in working hours (09:00-18:00) between {@code minDays} and {@code maxDays} after {@code from}. */
    private long lossAt(long from, double minDays, double maxDays) {
        int day = time.dayOf(from) + (int) Math.round(minDays + loss.nextDouble() * (maxDays - minDays));
        return Math.max(from + MINUTE, time.at(day, 9 + loss.nextDouble() * 9));
    }

    /** Marketing touches the lead answers by itself: page views, e-mails opened and clicked, forms. */
    private void browse(long from, int count, double overDays, boolean hot) {
        for (int i = 0; i < count; i++) {
            long at = later(from, 0, overDays, true);
            InteractionKind kind = switch (r.nextInt(hot ? 6 : 4)) {
                case 0, 1 -> InteractionKind.PAGE_VIEW;
                case 2 -> InteractionKind.EMAIL_OPENED;
                case 3 -> InteractionKind.EMAIL_CLICKED;
                case 4 -> InteractionKind.FORM_SUBMITTED;
                default -> InteractionKind.EVENT_ATTENDED;
            };
            Integer pages = kind == InteractionKind.PAGE_VIEW ? 1 + r.nextInt(6) : null;
            Integer seconds = kind == InteractionKind.PAGE_VIEW ? 20 + r.nextInt(600) : null;
            plan(at, new InteractionLogged(nextId(), Instant.ofEpochMilli(at), id, kind, null, pages, seconds, null));
        }
    }

    private void contact(long at, InteractionKind kind) {
        Integer seconds = kind == InteractionKind.EMAIL_SENT ? null
                : 60 + r.nextInt(kind == InteractionKind.CALL ? 900 : 5400);
        plan(at, new InteractionLogged(nextId(), Instant.ofEpochMilli(at), id, kind, repId, null, seconds, null));
    }

    // ---------------------------------------------------------------- buying

    private void order(long at) {
        if (orders == 0) {
            if (cadence == null) {
                double x = r.nextDouble();
                cadence = x < 0.5 ? Cadence.ONE_OFF : x < 0.83 ? Cadence.OCCASIONAL : Cadence.REGULAR;
            }
            double m = r.nextDouble();
            mood = m < 0.5 ? 0 : m < 0.8 ? 1 : 2;
            double size = companySize >= 200 ? 4 : companySize >= 50 ? 2 : 1;
            spend = lognormal(800 * size, 0.6);
            // some repeat buyers drift to a competitor: each order smaller than the one before
            trend = cadence != Cadence.ONE_OFF && r.nextDouble() < 0.12 ? 0.78 : 1.0;
        }
        orders++;
        String orderId = id + "-o" + orders;
        List<OrderLine> lines = lines(lognormal(spend * StrictMath.pow(trend, orders - 1.0), 0.3));
        BigDecimal amount = lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate promised = time.localTime(at).toLocalDate().plusDays(7);
        plan(at, new OrderPlaced(nextId(), Instant.ofEpochMilli(at), orderId, id, amount, "CNY", lines, promised));
        fulfil(orderId, amount, at);

        long next = DONE;
        if (cadence != Cadence.ONE_OFF && r.nextDouble() >= cadence.stopChance) {
            next = at + Math.max(3 * DAY, Math.round(lognormal(cadence.meanGapDays, 0.35) * DAY));
            next = later(next, 0, 0, false);
        } else if (r.nextDouble() < 0.12) { // a lapsed customer who comes back much later
            cadence = Cadence.OCCASIONAL;
            next = later(at, 200, 300, false);
        }
        if (cadence == Cadence.REGULAR) { // the account's rep keeps in touch between orders
            long until = Math.min(next, at + 60 * DAY);
            for (long c = later(at, 10, 20, false); c < until; c = later(c, 10, 20, false)) {
                contact(c, Catalog.pick(List.of(InteractionKind.CALL, InteractionKind.VISIT, InteractionKind.CHAT,
                        InteractionKind.EMAIL_SENT), r));
            }
        }
        episodeAt = next;
    }

    private List<OrderLine> lines(double target) {
        int count = 1 + r.nextInt(3);
        List<OrderLine> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Catalog.Product p = Catalog.pick(Catalog.PRODUCTS, r);
            int quantity = (int) Math.max(1, Math.min(500, Math.round(target / count / p.price().doubleValue())));
            lines.add(new OrderLine(p.sku(), quantity, p.price().multiply(BigDecimal.valueOf(quantity))));
        }
        return lines;
    }

    /** Approval, maybe a stock shortage and production, shipping, delivery, payment; then service and surveys. */
    private void fulfil(String orderId, BigDecimal amount, long placed) {
        long approved = placed + HOUR / 2 + (long) (r.nextDouble() * 6 * HOUR);
        status(orderId, OrderStatus.APPROVED, approved);
        if (r.nextDouble() < 0.02) {
            status(orderId, OrderStatus.CANCELLED, later(approved, 0.1, 2, false));
            return;
        }
        long ready = approved;
        if (r.nextDouble() < 0.08) {
            long shortAt = approved + HOUR + (long) (r.nextDouble() * DAY);
            status(orderId, OrderStatus.STOCK_SHORT, shortAt);
            long production = later(shortAt, 1, 3, false);
            status(orderId, OrderStatus.IN_PRODUCTION, production);
            ready = later(production, 5, 12, false);
            status(orderId, OrderStatus.READY, ready);
        }
        long shipped = later(ready, 0.3, 2, false);
        plan(shipped, new OrderStatusChanged(nextId(), Instant.ofEpochMilli(shipped), orderId, OrderStatus.SHIPPED,
                "SF" + (1_000_000_000L + r.nextInt(1_000_000_000)), id));
        long delivered = later(shipped, 1, 4, false);
        status(orderId, OrderStatus.DELIVERED, delivered);
        if (r.nextDouble() < 0.95) {
            long paid = later(placed, 0, 45, false);
            plan(paid, new PaymentReceived(nextId(), Instant.ofEpochMilli(paid), orderId, amount, id));
        }
        boolean complained = false;
        if (r.nextDouble() < RETURN_CHANCE[mood]) {
            long back = later(delivered, 2, 15, false);
            long resolved = ticket(TicketKind.RETURN, back, 1, 5);
            status(orderId, OrderStatus.RETURNED, resolved);
        } else if (r.nextDouble() < TICKET_CHANCE[mood]) {
            double k = r.nextDouble();
            TicketKind kind = k < 0.45 ? TicketKind.COMPLAINT : k < 0.65 ? TicketKind.REPAIR
                    : k < 0.9 ? TicketKind.INQUIRY : TicketKind.EXCHANGE;
            complained = kind == TicketKind.COMPLAINT;
            ticket(kind, later(delivered, 0.5, 20, false), 0.1, complained ? 12 : 5);
        }
        if (r.nextDouble() < 0.35) {
            long answered = later(delivered, 2, 10, true);
            int nps = switch (mood) {
                case 0 -> r.nextDouble() < 0.8 ? 9 + r.nextInt(2) : 8;
                case 1 -> 6 + r.nextInt(3);
                default -> r.nextInt(7);
            };
            if (complained) {
                nps = Math.max(0, nps - 4);
            }
            int csat = Math.max(1, Math.min(5, nps / 2));
            Review review = r.nextDouble() >= 0.3 ? null
                    : nps >= 9 ? Review.GOOD : nps >= 7 ? Review.NEUTRAL : Review.BAD;
            plan(answered, new SurveyAnswered(nextId(), Instant.ofEpochMilli(answered), id, nps, csat, review));
        }
    }

    /** Opens a ticket and resolves it after a while. @return when it was resolved */
    private long ticket(TicketKind kind, long opened, double minDays, double maxDays) {
        tickets++;
        String ticketId = id + "-t" + tickets;
        plan(opened, new TicketOpened(nextId(), Instant.ofEpochMilli(opened), ticketId, id, kind,
                r.nextDouble() < 0.2 ? "HIGH" : "LOW"));
        long resolved = later(opened, minDays, maxDays, false);
        plan(resolved, new TicketResolved(nextId(), Instant.ofEpochMilli(resolved), ticketId, r.nextDouble() < 0.5,
                id));
        return resolved;
    }

    private void status(String orderId, OrderStatus status, long at) {
        plan(at, new OrderStatusChanged(nextId(), Instant.ofEpochMilli(at), orderId, status, null, id));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A moment between {@code minDays} and {@code maxDays} after {@code from}, moved into working
     * hours (08:30-20:00 for people at work; 07:00-23:00 for a customer reading mail or browsing).
     */
    /** A rep who answers a new lead at once: 1 to 4 minutes later, or at the next opening hour at night. */
    private long quickly(long at) {
        return later(at, 1.0 / 1440, 4.0 / 1440, false);
    }

    private long later(long from, double minDays, double maxDays, boolean online) {
        long at = from + (long) ((minDays + r.nextDouble() * (maxDays - minDays)) * DAY);
        LocalTime local = time.localTime(at).toLocalTime();
        double hour = local.getHour() + local.getMinute() / 60.0;
        double open = online ? 7 : 8.5;
        double close = online ? 23 : 20;
        if (hour < open || hour >= close) {
            int day = time.dayOf(at) + (hour >= close ? 1 : 0);
            at = time.at(day, open + 0.5 + r.nextDouble() * 2);
        }
        return Math.max(at, from + MINUTE);
    }

    private void plan(long at, Event event) {
        planned.add(new Planned(at, seq, event));
    }

    private String nextId() {
        return id + "-e" + (++seq);
    }

    /** StrictMath, so that a seed gives the same numbers on every JVM and platform. */
    private double lognormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * r.nextGaussian());
    }

    private static BigDecimal money(double yuan) {
        return BigDecimal.valueOf(yuan).setScale(2, RoundingMode.HALF_UP).max(CENTS);
    }

    private int draw(double[] shares) {
        double x = r.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static int indexOf(Catalog.Region region) {
        return Catalog.REGIONS.indexOf(region);
    }
}
