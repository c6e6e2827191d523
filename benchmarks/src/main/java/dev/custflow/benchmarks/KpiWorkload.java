package dev.custflow.benchmarks;

import dev.custflow.BatchResult;
import dev.custflow.action.Action;
import dev.custflow.action.LeadAssigned;
import dev.custflow.action.LeadScored;
import dev.custflow.action.OpportunityCreated;
import dev.custflow.action.SlaEscalated;
import dev.custflow.action.StageChanged;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.RepUpdated;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * The KPI benchmark's history: a year of a company with {@code customers} leads captured evenly over 2026 from six
 * channels in eight regions, given to 200 reps in 20 teams, with what an engine answers (assignment, scores, stage
 * changes, escalations), rep calls, orders with a promised date and their delivery, surveys and customers going
 * dormant. Facts are planned per day and built one day at a time, so a million customers never sit in memory as
 * events. Deterministic: the same size gives the same history.
 */
final class KpiWorkload {
    static final int REPS = 200;
    static final int TEAMS = 20;
    static final String[] CHANNELS = {"WEBSITE", "WECHAT", "BAIDU_ADS", "TRADE_SHOW", "REFERRAL", "IMPORT"};
    static final String[] REGIONS = {"EAST", "NORTH", "SOUTH", "WEST", "CENTRAL", "NORTHEAST", "NORTHWEST",
            "SOUTHWEST"};
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final int DAYS = 365 + 200;
    private static final int CAPTURE = 0;
    private static final int CONTACT = 1;
    private static final int ESCALATE = 2;
    private static final int PROSPECT = 3;
    private static final int OPPORTUNITY = 4;
    private static final int ORDER = 5;
    private static final int DELIVER = 6;
    private static final int REORDER = 7;
    private static final int SURVEY = 8;
    private static final int DORMANT = 9;

    /** One engine answer: the event (null for time rules) and the actions. */
    record Fact(Event event, BatchResult result) {
    }

    private final int customers;
    private final IntArrayList[] plan = new IntArrayList[DAYS];
    private int facts;

    KpiWorkload(int customers) {
        if (customers >= 1 << 27) {
            throw new IllegalArgumentException("too many customers for the plan's encoding");
        }
        this.customers = customers;
        for (int d = 0; d < DAYS; d++) {
            plan[d] = new IntArrayList();
        }
        for (int i = 0; i < customers; i++) {
            SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
            int day = (int) ((long) i * 365 / customers);
            add(day, i, CAPTURE);
            double p = r.nextDouble();
            if (p < 0.7) {
                add(day + 1, i, CONTACT);
            } else if (p < 0.8) {
                add(day + 1, i, ESCALATE);
            }
            if (r.nextDouble() < 0.4) {
                add(day + 3, i, PROSPECT);
                if (r.nextDouble() < 0.4) {
                    add(day + 5, i, OPPORTUNITY);
                }
            }
            if (r.nextDouble() < 0.3) {
                int order = day + 10 + r.nextInt(50);
                add(order, i, ORDER);
                add(order + 3 + r.nextInt(5), i, DELIVER); // promised: order day + 5
                if (r.nextDouble() < 0.33) {
                    add(order + 30 + r.nextInt(60), i, REORDER);
                } else if (r.nextDouble() < 0.15) {
                    add(order + 120, i, DORMANT);
                }
            }
            if (r.nextDouble() < 0.1) {
                add(day + 20, i, SURVEY);
            }
        }
    }

    private void add(int day, int customer, int kind) {
        plan[day].add(customer << 4 | kind);
        facts++;
    }

    int customers() {
        return customers;
    }

    /** @return the facts of the whole history (the reps' teams, then every day's) */
    int facts() {
        return facts + REPS;
    }

    int days() {
        return DAYS;
    }

    static String rep(int customer) {
        return "rep-" + Math.floorMod(customer * 31 + 7, REPS);
    }

    static String team(int rep) {
        return "team-" + rep % TEAMS;
    }

    /** @return the reps joining their teams, on the first day */
    List<Fact> reps() {
        List<Fact> facts = new ArrayList<>();
        for (int r = 0; r < REPS; r++) {
            facts.add(fact(new RepUpdated("rep-update-" + r, at(0, 0), "rep-" + r, null, team(r), null, null, null,
                    null, null)));
        }
        return facts;
    }

    /** @return the facts of one day, in time order */
    List<Fact> day(int day) {
        IntArrayList planned = plan[day];
        List<Fact> facts = new ArrayList<>(planned.size());
        for (int k = 0; k < planned.size(); k++) {
            int v = planned.get(k);
            facts.add(fact(v >>> 4, v & 15, day, k));
        }
        return facts;
    }

    private Fact fact(int i, int kind, int day, int k) {
        String id = "c" + i;
        Instant at = at(day, k);
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L + kind);
        return switch (kind) {
            case CAPTURE -> {
                LeadCaptured lead = LeadCaptured.builder("e-" + id, at, id, CHANNELS[i % CHANNELS.length])
                        .region(REGIONS[(i / 7) % REGIONS.length]).phone("138" + String.format("%08d", i))
                        .name("Customer " + i).build();
                String rep = rep(i);
                yield fact(lead, new LeadAssigned("a-" + id, at, "assignment", "", id, rep, "ROUND_ROBIN", List.of()),
                        new StageChanged("s0-" + id, at, "lifecycle", "", id, null, Stage.LEAD),
                        new LeadScored("sc-" + id, at, "scoring", "", id, r.nextInt(101), "B", 0, 0));
            }
            case CONTACT -> fact(InteractionLogged.of("ia-" + id, at, id, InteractionKind.CALL, rep(i)));
            case ESCALATE -> time(new SlaEscalated("esc-" + id, at, "assignment", "", id, rep(i), 300));
            case PROSPECT -> time(new StageChanged("s1-" + id, at, "lifecycle", "", id, Stage.LEAD, Stage.PROSPECT));
            case OPPORTUNITY -> time(new OpportunityCreated("op-" + id, at, "opportunity", "", id, "OPP-" + id + "-1",
                    rep(i), CHANNELS[i % CHANNELS.length], null, 60, at, 2));
            case ORDER -> fact(new OrderPlaced("o1-" + id, at, "O1-" + id, id, amount(r), null, null,
                            START.plusDays(day + 5L)),
                    new StageChanged("s2-" + id, at, "lifecycle", "", id, Stage.PROSPECT, Stage.CUSTOMER));
            case DELIVER -> fact(new OrderStatusChanged("d1-" + id, at, "O1-" + id, OrderStatus.DELIVERED, null, id));
            case REORDER -> fact(new OrderPlaced("o2-" + id, at, "O2-" + id, id, amount(r), null, null, null),
                    new StageChanged("s3-" + id, at, "lifecycle", "", id, Stage.CUSTOMER, Stage.LOYAL));
            case SURVEY -> fact(new SurveyAnswered("sv-" + id, at, id, r.nextInt(11), 1 + r.nextInt(5), null));
            case DORMANT -> time(new StageChanged("s4-" + id, at, "lifecycle", "", id, Stage.CUSTOMER, Stage.DORMANT));
            default -> throw new IllegalStateException("kind " + kind);
        };
    }

    private static BigDecimal amount(SplittableRandom r) {
        return BigDecimal.valueOf(50_00 + r.nextInt(500_000), 2);
    }

    private static Instant at(int day, int k) {
        return START.plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC).plusMillis(k);
    }

    private static Fact fact(Event event, Action... actions) {
        return new Fact(event, new BatchResult(List.of(actions), List.of(), 1, 0));
    }

    private static Fact time(Action... actions) {
        return new Fact(null, new BatchResult(List.of(actions), List.of(), 0, 0));
    }
}
