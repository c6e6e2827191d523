package dev.custflow.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.model.Channel;
import dev.custflow.action.MessageRequested;
import dev.custflow.event.ClockTick;
import dev.custflow.event.ConsentChanged;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
import dev.custflow.spi.AuditEntry.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The gate's promises, whatever the order and timing of orders, opt-outs and ticks: no message on
 * a channel the customer opted out of, never more marketing than the cap, every held message
 * released exactly once, and the same outcome with any number of partitions.
 */
class PolicyGateProperties {
    private static final Instant START = Instant.parse("2024-03-01T00:00:30Z");
    private static final Settings SETTINGS = Settings.ofDefaults();

    /** A random month for a few customers: orders any time of day, opt-outs in and out, ticks. */
    static List<Event> stream(long seed) {
        Random r = new Random(seed);
        List<Event> events = new ArrayList<>();
        int customers = 1 + r.nextInt(4);
        int n = 0;
        for (int c = 0; c < customers; c++) {
            String id = "C" + c;
            events.add(LeadCaptured.builder("lead" + c, START.plusSeconds(c), id, "WEB").phone("1380000000" + c)
                    .doNotEmail(r.nextInt(4) == 0).doNotCall(r.nextInt(4) == 0).build());
            for (int i = 0; i < 4 + r.nextInt(16); i++) {
                // distinct whole minutes plus 30 s: never exactly the end of quiet hours
                Instant at = START.plus(Duration.ofMinutes(60 + r.nextInt(30 * 1440)));
                n++;
                events.add(r.nextInt(4) == 0
                        ? new ConsentChanged("consent" + n, at, id, Channel.values()[r.nextInt(4)], r.nextBoolean())
                        : OrderPlaced.of("order" + n, at, "o" + n, id, BigDecimal.TEN));
            }
        }
        for (int d = 1; d <= 40; d += 1 + r.nextInt(3)) {
            events.add(new ClockTick("tick" + d, START.plus(Duration.ofDays(d)).plusSeconds(r.nextInt(86_400))));
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::id));
        events.add(new ClockTick("final", START.plus(Duration.ofDays(60)))); // releases whatever is held
        return events;
    }

    record Run(List<Action> actions, List<AuditEntry> audit) {
    }

    static Run run(List<Event> events, int partitions) {
        List<Action> actions = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        try (Engine e = Custflow.builder().packs().rules(PolicyGateTest.MESSAGES)
                .partitions(partitions).actionSink(actions::addAll).auditLog(audit::add).build()) {
            e.acceptAll(events);
        }
        return new Run(actions, audit);
    }

    @Property(tries = 80)
    void noMessageReachesAnOptedOutChannel(@ForAll @IntRange(max = 1_000_000) int seed) {
        List<Event> events = stream(seed);
        for (Action a : run(events, 1).actions()) {
            if (a instanceof MessageRequested m) {
                assertThat(optedOut(events, m.customerId(), m.channel(), m.at()))
                        .as("%s at %s", Json.write(m), m.at()).isFalse();
            }
        }
    }

    @Property(tries = 80)
    void marketingNeverExceedsTheCap(@ForAll @IntRange(max = 1_000_000) int seed) {
        int cap = SETTINGS.policy().marketingCap();
        Duration window = Duration.ofDays(SETTINGS.policy().marketingCapDays()).minusMinutes(1);
        Map<String, List<Instant>> sent = new HashMap<>();
        for (Action a : run(stream(seed), 1).actions()) {
            if (a instanceof MessageRequested m && SETTINGS.policy().marketingTemplates().contains(m.template())) {
                sent.computeIfAbsent(m.customerId(), k -> new ArrayList<>()).add(m.at());
            }
        }
        sent.values().forEach(times -> {
            times.sort(null);
            for (int i = cap; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - cap), times.get(i))).isGreaterThanOrEqualTo(window);
            }
        });
    }

    @Property(tries = 80)
    void everyHeldMessageIsReleasedExactlyOnce(@ForAll @IntRange(max = 1_000_000) int seed) {
        Run run = run(stream(seed), 1);
        Map<String, Integer> outcomes = new HashMap<>();
        for (AuditEntry e : run.audit()) {
            if (e.outcome() != Outcome.DEFERRED) {
                outcomes.merge(e.actionId(), 1, Integer::sum);
            }
        }
        run.audit().stream().filter(e -> e.outcome() == Outcome.DEFERRED)
                .forEach(e -> assertThat(outcomes.get(e.actionId())).as(e.actionId()).isEqualTo(1));
        assertThat(run.actions()).extracting(Action::id).doesNotHaveDuplicates();
        assertThat(run.actions()).allSatisfy(a -> assertThat(quiet(a)).as(Json.write(a)).isFalse());
    }

    @Property(tries = 40)
    void partitionsDoNotChangeWhatTheGateDecides(@ForAll @IntRange(max = 1_000_000) int seed) {
        List<Event> events = stream(seed);
        Run one = run(events, 1);
        Run three = run(events, 3);
        assertThat(three.actions()).isEqualTo(one.actions());
        assertThat(three.audit()).isEqualTo(one.audit());
    }

    /** The opt-out state of a channel from the events before {@code at} (the gate sees them applied). */
    private static boolean optedOut(List<Event> events, String customerId, Channel ch, Instant at) {
        boolean out = false;
        for (Event e : events) {
            if (!e.at().isBefore(at)) {
                break;
            }
            if (e instanceof LeadCaptured l && l.leadId().equals(customerId)) {
                out = ch == Channel.EMAIL ? Boolean.TRUE.equals(l.doNotEmail())
                        : (ch == Channel.CALL || ch == Channel.SMS) && Boolean.TRUE.equals(l.doNotCall());
            } else if (e instanceof ConsentChanged c && c.customerId().equals(customerId) && c.channel() == ch) {
                boolean flag = ch == Channel.EMAIL ? doNotEmail(events, customerId)
                        : (ch == Channel.CALL || ch == Channel.SMS) && doNotCall(events, customerId);
                out = flag || c.optedOut();
            }
        }
        return out;
    }

    private static boolean doNotEmail(List<Event> events, String id) {
        return events.stream().anyMatch(e -> e instanceof LeadCaptured l && l.leadId().equals(id)
                && Boolean.TRUE.equals(l.doNotEmail()));
    }

    private static boolean doNotCall(List<Event> events, String id) {
        return events.stream().anyMatch(e -> e instanceof LeadCaptured l && l.leadId().equals(id)
                && Boolean.TRUE.equals(l.doNotCall()));
    }

    private static boolean quiet(Action a) {
        return a instanceof MessageRequested
                && SETTINGS.policy().isQuiet(a.at().atZone(SETTINGS.timeZone()).toLocalTime());
    }
}
