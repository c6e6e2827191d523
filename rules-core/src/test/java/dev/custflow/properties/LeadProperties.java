package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.RepUpdated;
import dev.custflow.model.CustomerProfile;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.Outcome;
import dev.custflow.model.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of lead de-duplication and assignment (docs/design/rules-catalog.md §2, §4): merging does not depend on the order
 * leads arrive in; no rep ever holds more open leads than its capacity; no lead waits while a rep who is available
 * has room.
 */
class LeadProperties {
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    /** Leads with contact data drawn from small pools, so that many are the same person; capture times distinct. */
    static List<LeadCaptured> leads(long seed, int n) {
        Random r = new Random(seed);
        List<LeadCaptured> leads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LeadCaptured.Builder b = LeadCaptured.builder("cap" + i, START.plusSeconds(60L * i + r.nextInt(50)),
                    "L" + i, r.nextBoolean() ? "WEBSITE" : "WECHAT");
            if (r.nextInt(3) > 0) {
                b.phone(String.format("+86 139 0000 %04d", r.nextInt(n)));
            }
            if (r.nextInt(3) == 0) {
                b.email("p" + r.nextInt(n) + "@Example.com");
            }
            if (r.nextInt(4) == 0) {
                b.company("公司" + r.nextInt(n) + (r.nextBoolean() ? "有限公司" : ""));
            }
            leads.add(b.build());
        }
        return leads;
    }

    /** @return each lead id with the record it ended in */
    private static Map<String, String> survivors(List<LeadCaptured> arrival, int partitions) {
        try (Engine engine = Custflow.builder().packs(RulePack.LEADS).partitions(partitions).build()) {
            engine.acceptAll(arrival);
            Map<String, String> survivorOf = new TreeMap<>();
            for (LeadCaptured l : arrival) {
                survivorOf.put(l.leadId(), engine.customer(l.leadId()).map(CustomerProfile::id).orElseThrow());
            }
            return survivorOf;
        }
    }

    @Property(tries = 80)
    void theSameLeadsInAnyOrder_endInTheSameSurvivors(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                                                       @ForAll long shuffle,
                                                       @ForAll @IntRange(min = 1, max = 4) int partitions) {
        List<LeadCaptured> inTime = leads(seed, n);
        List<LeadCaptured> shuffled = new ArrayList<>(inTime);
        Collections.shuffle(shuffled, new Random(shuffle));
        Map<String, String> expected = survivors(inTime, 1);
        assertThat(survivors(shuffled, partitions)).isEqualTo(expected);
        // and the survivor of each person is its earliest capture
        Map<String, Instant> capturedAt = new HashMap<>();
        inTime.forEach(l -> capturedAt.put(l.leadId(), l.at()));
        expected.forEach((lead, survivor) -> assertThat(capturedAt.get(survivor)).isBeforeOrEqualTo(capturedAt.get(lead)));
        Statistics.label("merged").collect(expected.entrySet().stream().anyMatch(x -> !x.getKey().equals(x.getValue())));
        Statistics.label("merged").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    /**
     * Reps with small capacities, some going on leave and coming back; leads captured, some called in time, some
     * won (which frees the rep) — over a few days with ticks.
     */
    static List<Event> office(long seed, int n) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>();
        int reps = 1 + r.nextInt(4);
        for (int k = 0; k < reps; k++) {
            out.add(new RepUpdated("rep" + k, START, "r" + k, null, k % 2 == 0 ? "EAST" : "KEY_ACCOUNTS",
                    k % 3 == 0 ? "华东" : "华南", null, k == 1, 1 + r.nextInt(3), true));
        }
        long t = START.toEpochMilli();
        List<String> captured = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t += r.nextInt(20) * 60_000L;
            Instant at = Instant.ofEpochMilli(t);
            int kind = r.nextInt(10);
            if (kind < 4 || captured.isEmpty()) {
                String id = "L" + i;
                captured.add(id);
                out.add(LeadCaptured.builder("cap" + i, at, id, r.nextBoolean() ? "WEBSITE" : "WECHAT")
                        .phone(String.format("+86 139 0000 %04d", i)).region(r.nextBoolean() ? "华东" : "华南")
                        .companySize(r.nextInt(300)).build());
            } else if (kind < 6) {
                String id = captured.get(r.nextInt(captured.size()));
                out.add(new OpportunityClosed("won" + i, at, id, "OPP-" + id, Outcome.WON, null, null));
            } else if (kind < 8) {
                out.add(InteractionLogged.of("call" + i, at, captured.get(r.nextInt(captured.size())),
                        InteractionKind.CALL, "r0"));
            } else if (kind == 8) {
                out.add(new RepUpdated("leave" + i, at, "r" + r.nextInt(reps), null, null, null, null, null, null,
                        r.nextBoolean()));
            } else {
                out.add(new ClockTick("tick" + i, at));
            }
        }
        return out;
    }

    @Property(tries = 60)
    void noRepHoldsMoreOpenLeadsThanItsCapacity_andNoLeadWaitsWhileAnAvailableRepHasRoom(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int n,
            @ForAll @IntRange(min = 1, max = 3) int partitions) {
        List<Event> events = office(seed, n);
        Map<String, RepUpdated> reps = new HashMap<>();
        boolean waited = false;
        try (Engine engine = Custflow.builder().packs(RulePack.LIFECYCLE, RulePack.SCORING, RulePack.ASSIGNMENT)
                .partitions(partitions).build()) {
            for (Event e : events) {
                List<Action> actions = engine.accept(e);
                waited |= actions.stream().anyMatch(a -> a.rule().contains("waiting lead"));
                if (e instanceof RepUpdated u) {
                    reps.merge(u.repId(), u, LeadProperties::fold);
                }
                Map<String, Integer> open = new HashMap<>();
                List<String> unassigned = new ArrayList<>();
                engine.forEachCustomer(p -> {
                    if (p.stage() == Stage.LEAD || p.stage() == Stage.PROSPECT) {
                        if (p.ownerId() == null) {
                            unassigned.add(p.id());
                        } else {
                            open.merge(p.ownerId(), 1, Integer::sum);
                        }
                    }
                });
                for (RepUpdated rep : reps.values()) {
                    int held = open.getOrDefault(rep.repId(), 0);
                    assertThat(held).as("open leads of %s after %s (%s)", rep.repId(), e.id(), actions)
                            .isLessThanOrEqualTo(rep.capacity());
                    if (rep.available() && held < rep.capacity()) {
                        assertThat(unassigned).as("leads without a rep while %s is available with %d of %d, after %s",
                                rep.repId(), held, rep.capacity(), e.id()).isEmpty();
                    }
                }
            }
        }
        Statistics.label("a lead waited for capacity").collect(waited);
        Statistics.label("a lead waited for capacity").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    private static RepUpdated fold(RepUpdated was, RepUpdated now) {
        return new RepUpdated(now.id(), now.at(), was.repId(), was.name(), was.team(), was.region(), was.industries(),
                was.senior(), now.capacity() == null ? was.capacity() : now.capacity(),
                now.available() == null ? was.available() : now.available());
    }
}
