package dev.custflow.examples;

import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.examples.internal.Actor;
import dev.custflow.examples.internal.DailyTicks;
import dev.custflow.examples.internal.EventMerger;
import dev.custflow.examples.internal.RepDesk;
import dev.custflow.examples.internal.ReferralProgramme;
import dev.custflow.examples.internal.SalesOrganisation;
import dev.custflow.examples.internal.SimulatedCustomer;
import dev.custflow.examples.internal.Timeline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import dev.custflow.settings.AssignmentSettings;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A company simulated over a period (one year by default) from a seed: its reps and campaigns,
 * leads arriving through several channels (website, WeChat, search and social ads, trade shows,
 * referrals, events, manual entry), the sales journey (marketing touches, rep calls and meetings,
 * BANT, opportunities won and lost, contracts), first and repeat orders with their fulfilment and
 * payments, service tickets (complaints, repairs, returns), NPS/CSAT surveys, a referral programme
 * (codes issued to earlier customers with ReferralCodeIssued, a few mistyped on the form), and a
 * {@link dev.custflow.event.ClockTick} at every local midnight.
 *
 * <p>The same configuration always yields the same events, with the same ids; the events are
 * generated as the stream is read, so large companies fit in memory. Run through the {@link Demo}, the reps also
 * call the leads the engine gives them, like people (see {@link #assignmentNotes(java.util.Locale)}): the demo tells the simulator
 * the engine's actions ({@link #heard}), and the stream then holds those calls too.
 *
 * <pre>{@code
 * CompanySimulator company = CompanySimulator.of(CompanySimulator.Config.ofDefaults().withCustomers(500));
 * try (Stream<Event> events = company.events()) {
 *     events.forEach(engine::accept);
 * }
 * }</pre>
 */
public final class CompanySimulator implements EventHistory {

    /**
     * What to simulate.
     *
     * @param customers the number of leads arriving over the period (default 3,000); about 2% of
     *                  them come back as a second lead through another channel
     * @param start     the first day (default 2025-01-01)
     * @param days      the length of the period in days (default 365)
     * @param seed      the random seed (default 42)
     * @param zone      the company's time zone: business hours and daily ticks (default Asia/Shanghai)
     */
    public record Config(int customers, LocalDate start, int days, long seed, ZoneId zone) {
        private static final Config DEFAULTS = new Config(3_000, LocalDate.of(2025, 1, 1), 365, 42,
                ZoneId.of("Asia/Shanghai"));

        /** Validates every field. */
        public Config {
            if (customers < 1 || customers > 10_000_000) {
                throw new IllegalArgumentException("customers must be between 1 and 10,000,000, got " + customers);
            }
            Objects.requireNonNull(start, "start");
            if (days < 1 || days > 3_660) {
                throw new IllegalArgumentException("days must be between 1 and 3,660 (ten years), got " + days);
            }
            Objects.requireNonNull(zone, "zone");
        }

        /** @return 3,000 customers over 2025, seed 42, in Asia/Shanghai */
        public static Config ofDefaults() {
            return DEFAULTS;
        }

        /** @param n leads over the period @return a copy with that many customers */
        public Config withCustomers(int n) {
            return new Config(n, start, days, seed, zone);
        }

        /** @param day the first day @return a copy starting that day */
        public Config withStart(LocalDate day) {
            return new Config(customers, day, days, seed, zone);
        }

        /** @param n the period's length @return a copy lasting that many days */
        public Config withDays(int n) {
            return new Config(customers, start, n, seed, zone);
        }

        /** @param value the random seed @return a copy with that seed */
        public Config withSeed(long value) {
            return new Config(customers, start, days, value, zone);
        }

        /** @param value the time zone @return a copy in that zone */
        public Config withZone(ZoneId value) {
            return new Config(customers, start, days, seed, value);
        }
    }

    private final Config config;
    private final Timeline timeline;
    /** The reps of the stream read last, who hear the engine's actions through {@link #heard}. */
    private RepDesk reps;

    private CompanySimulator(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.timeline = new Timeline(config.start(), config.days(), config.zone());
    }

    /**
     * @param config what to simulate
     * @return the simulator
     */
    public static CompanySimulator of(Config config) {
        return new CompanySimulator(config);
    }

    /** @return the configuration */
    public Config config() {
        return config;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "simulated company: %,d leads, %s to %s, seed %d", config.customers(),
                config.start(), config.start().plusDays(config.days() - 1L), config.seed());
    }

    @Override
    public Instant from() {
        return Instant.ofEpochMilli(timeline.midnight(0));
    }

    @Override
    public Instant to() {
        return Instant.ofEpochMilli(timeline.end());
    }

    @Override
    public Stream<Event> events() {
        SalesOrganisation sales = new SalesOrganisation(timeline, config.customers());
        List<Actor> actors = new ArrayList<>(config.customers() + 3);
        actors.add(new DailyTicks(timeline));
        actors.add(sales);
        AssignmentSettings sla = AssignmentSettings.ofDefaults();
        RepDesk desk = new RepDesk(timeline, config.seed(), sla.firstResponseMinutes(), sla.reassignAfterMinutes());
        actors.add(desk);
        int width = Math.max(5, String.valueOf(config.customers()).length());
        List<SimulatedCustomer> customers = new ArrayList<>(config.customers());
        for (int i = 0; i < config.customers(); i++) {
            customers.add(new SimulatedCustomer(i, customerId(i, width), timeline, sales, config.seed()));
        }
        actors.add(referralProgramme(customers));
        actors.addAll(customers);
        EventMerger merger = new EventMerger(actors, timeline.end());
        desk.merger(merger);
        reps = desk;
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merger,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The reps call the leads the engine gives them, so the demo runs the engine after a capture (and more). */
    @Override
    public boolean awaitsActions(Event event) {
        return reps != null && reps.awaitsActions(event);
    }

    /** The reps of the stream read last plan their calls from the leads the engine gave them. */
    @Override
    public void heard(List<Action> actions, Instant readUpTo) {
        if (reps != null) {
            reps.heard(actions, readUpTo.toEpochMilli());
        }
    }

    @Override
    public List<String> assignmentNotes(java.util.Locale locale) {
        dev.custflow.text.Wording w = dev.custflow.text.Wording.of(
                dev.custflow.examples.internal.ReportText.class, "report", locale);
        return List.of(w.text("sim.reps.1", config.zone()), w.text("sim.reps.2"), w.text("sim.reps.3"),
                w.text("sim.reps.4"), w.text("sim.reps.5"));
    }

    /**
     * The referral programme: a lead that comes by referral names a customer who arrived a month or more before it,
     * with the code the company issued that customer (ReferralCodeIssued, a few days before), a few mistyped.
     */
    private ReferralProgramme referralProgramme(List<SimulatedCustomer> customers) {
        return new ReferralProgramme(customers, config.seed());
    }

    private static String customerId(int index, int width) {
        return String.format(Locale.ROOT, "cust-%0" + width + "d", index + 1);
    }
}
