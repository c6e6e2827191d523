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
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Stage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The KPI benchmark's baseline: what a careful developer writes by hand for the same KPIs over the same facts,
 * without a library: a {@code HashMap} from a record key (scope, dimension, value, granularity, period) to an array
 * of counters, a {@code HashMap} of small mutable customers, the same definitions (docs/kpis.md) for the facts
 * {@link KpiWorkload} produces, the same time zone. No index per owner: a rep's list is a scan. Not thread-safe.
 */
final class PlainKpis {
    static final int SLOTS = 34;
    // the slots, numbered as the book's (only those the workload feeds)
    static final int LEADS = 0, MQLS = 1, PROSPECTS = 2, OPPORTUNITIES = 3, NEW_CUSTOMERS = 4, NEW_FROM_LEADS = 5,
            NEW_FROM_OPPORTUNITY = 6, CYCLE_SECONDS = 7, SLA_MET = 11, SLA_DECIDED = 12, ON_TIME = 13, PROMISED = 14,
            CSAT_SATISFIED = 17, CSAT_ANSWERS = 18, PROMOTERS = 19, DETRACTORS = 20, NPS_ANSWERS = 21, BUYERS = 22,
            REPEAT_BUYERS = 23, CHURNED = 24, ACTIVE_DELTA = 25, WON_BACK = 26, DORMANT_DELTA = 27, ORDERS = 29,
            REVENUE_CENTS = 30;
    private static final LocalDate ORIGIN = LocalDate.of(1900, 1, 1);

    record Cell(String scope, int dimension, String value, int granularity, int period) {
    }

    static final class Customer {
        final String id;
        String owner;
        String channel;
        String region;
        String name;
        String phone;
        Stage stage;
        boolean lead;
        boolean mql;
        boolean prospect;
        boolean opportunity;
        boolean bought;
        boolean slaPending;
        boolean slaDecided;
        long capturedAt;
        long firstOrderDay = Long.MIN_VALUE;
        long lastOrderDay = Long.MIN_VALUE;
        long revenueCents;

        Customer(String id) {
            this.id = id;
        }

        int stock() {
            return stage == Stage.CUSTOMER || stage == Stage.LOYAL || stage == Stage.ADVOCATE ? 1
                    : stage == Stage.DORMANT ? 2 : 0;
        }
    }

    private final ZoneId zone;
    private final int mqlThreshold;
    final Map<Cell, long[]> cells = new HashMap<>();
    final Map<String, Customer> customers = new HashMap<>();
    final Map<String, String> teams = new HashMap<>();
    private final Map<String, String> orderCustomer = new HashMap<>();
    private final Map<String, LocalDate> promised = new HashMap<>();
    private final Map<String, Set<String>> values = new HashMap<>();
    private final int[] firstPeriod = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};

    PlainKpis(ZoneId zone, int mqlThreshold) {
        this.zone = zone;
        this.mqlThreshold = mqlThreshold;
    }

    void record(Event event, BatchResult result) {
        if (result.accepted() != 1) {
            return;
        }
        for (Action a : result.actions()) {
            if (a instanceof LeadAssigned) {
                action(a);
            }
        }
        if (event instanceof LeadCaptured e) {
            Customer c = customer(e.leadId());
            c.name = e.name();
            c.phone = e.phone();
            c.region = e.region() != null ? e.region() : c.region;
            if (!c.lead) {
                c.lead = true;
                c.capturedAt = e.at().getEpochSecond();
                c.channel = c.channel == null ? e.channel() : c.channel;
                count(c, e.at(), LEADS, 1);
            }
        } else if (event instanceof InteractionLogged e) {
            Customer c = customers.get(e.customerId());
            boolean escalated = result.actions().stream().anyMatch(a -> a instanceof SlaEscalated
                    && a.customerId().equals(e.customerId()));
            if (c != null && c.slaPending && e.kind().isRepContact() && !escalated) {
                c.slaPending = false;
                c.slaDecided = true;
                count(c, e.at(), SLA_MET, 1);
                count(c, e.at(), SLA_DECIDED, 1);
            }
        } else if (event instanceof OrderPlaced e) {
            order(e);
        } else if (event instanceof OrderStatusChanged e && e.status() == OrderStatus.DELIVERED) {
            String id = orderCustomer.remove(e.orderId());
            LocalDate promise = promised.remove(e.orderId());
            if (id != null && promise != null) {
                Customer c = customers.get(id);
                count(c, e.at(), PROMISED, 1);
                count(c, e.at(), ON_TIME, LocalDate.ofInstant(e.at(), zone).isAfter(promise) ? 0 : 1);
            }
        } else if (event instanceof SurveyAnswered e) {
            Customer c = customer(e.customerId());
            if (e.csat() != null) {
                count(c, e.at(), CSAT_ANSWERS, 1);
                count(c, e.at(), CSAT_SATISFIED, e.csat() >= 4 ? 1 : 0);
            }
            if (e.nps() != null) {
                count(c, e.at(), NPS_ANSWERS, 1);
                count(c, e.at(), PROMOTERS, e.nps() >= 9 ? 1 : 0);
                count(c, e.at(), DETRACTORS, e.nps() <= 6 ? 1 : 0);
            }
        } else if (event instanceof RepUpdated e && e.team() != null) {
            teams.put(e.repId(), e.team());
        }
        for (Action a : result.actions()) {
            if (!(a instanceof LeadAssigned)) {
                action(a);
            }
        }
    }

    void recordTimeActions(BatchResult result) {
        result.actions().forEach(this::action);
    }

    private void action(Action action) {
        if (action instanceof LeadAssigned a) {
            Customer c = customer(a.customerId());
            if (!a.repId().equals(c.owner)) {
                stock(c, a.at(), -1);
                c.owner = a.repId();
                stock(c, a.at(), 1);
            }
            c.slaPending = !c.slaDecided;
        } else if (action instanceof LeadScored a) {
            Customer c = customer(a.customerId());
            if (!c.mql && a.score() >= mqlThreshold) {
                c.mql = true;
                count(c, a.at(), MQLS, 1);
            }
        } else if (action instanceof SlaEscalated a) {
            Customer c = customer(a.customerId());
            if (c.slaPending) {
                c.slaPending = false;
                c.slaDecided = true;
                count(c, a.at(), SLA_DECIDED, 1);
            }
        } else if (action instanceof OpportunityCreated a) {
            Customer c = customer(a.customerId());
            if (!c.opportunity) {
                c.opportunity = true;
                count(c, a.at(), OPPORTUNITIES, 1);
            }
        } else if (action instanceof StageChanged a) {
            stage(customer(a.customerId()), a.to(), a.at());
        }
    }

    private void stage(Customer c, Stage to, Instant at) {
        int before = c.stock();
        Stage from = c.stage;
        c.stage = to;
        int after = c.stock();
        if (to == Stage.PROSPECT && !c.prospect) {
            c.prospect = true;
            count(c, at, PROSPECTS, 1);
        }
        if (to.hasBought() && !c.bought) {
            c.bought = true;
            count(c, at, NEW_CUSTOMERS, 1);
            if (c.lead) {
                count(c, at, NEW_FROM_LEADS, 1);
                count(c, at, CYCLE_SECONDS, Math.max(0, at.getEpochSecond() - c.capturedAt));
            }
            if (c.opportunity) {
                count(c, at, NEW_FROM_OPPORTUNITY, 1);
            }
        }
        if (before != after) {
            count(c, at, before == 1 ? ACTIVE_DELTA : DORMANT_DELTA, before == 0 ? 0 : -1);
            count(c, at, after == 1 ? ACTIVE_DELTA : DORMANT_DELTA, after == 0 ? 0 : 1);
            if (before == 1 && to == Stage.DORMANT) {
                count(c, at, CHURNED, 1);
            } else if (from == Stage.DORMANT && after == 1) {
                count(c, at, WON_BACK, 1);
            }
        }
    }

    private void stock(Customer c, Instant at, int delta) {
        if (c.stock() != 0) {
            count(c, at, c.stock() == 1 ? ACTIVE_DELTA : DORMANT_DELTA, delta);
        }
    }

    private void order(OrderPlaced e) {
        if (orderCustomer.containsKey(e.orderId())) {
            return;
        }
        Customer c = customer(e.customerId());
        long cents = e.amount().movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        orderCustomer.put(e.orderId(), c.id);
        if (e.promisedDate() != null) {
            promised.put(e.orderId(), e.promisedDate());
        }
        count(c, e.at(), ORDERS, 1);
        count(c, e.at(), REVENUE_CENTS, cents);
        LocalDate day = LocalDate.ofInstant(e.at(), zone);
        for (int g = 0; g < 4; g++) {
            int p = period(g, day);
            if (c.lastOrderDay == Long.MIN_VALUE || period(g, LocalDate.ofEpochDay(c.lastOrderDay)) != p) {
                add(c, day, g, BUYERS, 1);
                if (c.firstOrderDay != Long.MIN_VALUE && period(g, LocalDate.ofEpochDay(c.firstOrderDay)) < p) {
                    add(c, day, g, REPEAT_BUYERS, 1);
                }
            }
        }
        c.firstOrderDay = c.firstOrderDay == Long.MIN_VALUE ? day.toEpochDay() : c.firstOrderDay;
        c.lastOrderDay = Math.max(c.lastOrderDay, day.toEpochDay());
        c.revenueCents += cents;
    }

    private void count(Customer c, Instant at, int slot, long delta) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        for (int g = 0; g < 4; g++) {
            add(c, day, g, slot, delta);
        }
    }

    private void add(Customer c, LocalDate day, int g, int slot, long delta) {
        int p = period(g, day);
        String team = c.owner == null ? null : teams.get(c.owner);
        String[] dims = {"", c.owner == null ? "" : c.owner, team == null ? "" : team,
                c.channel == null ? "" : c.channel, c.region == null ? "" : c.region};
        add("*", dims, g, p, slot, delta);
        if (c.owner != null) {
            add("R:" + c.owner, dims, g, p, slot, delta);
        }
        if (team != null) {
            add("T:" + team, dims, g, p, slot, delta);
        }
    }

    private void add(String scope, String[] dims, int g, int p, int slot, long delta) {
        for (int d = 0; d < dims.length; d++) {
            long[] cell = cells.get(new Cell(scope, d, dims[d], g, p));
            if (cell == null) {
                cell = new long[SLOTS];
                cells.put(new Cell(scope, d, dims[d], g, p), cell);
                values.computeIfAbsent(scope + "|" + d, k -> new TreeSet<>()).add(dims[d]);
                firstPeriod[g] = Math.min(firstPeriod[g], p);
            }
            cell[slot] += delta;
        }
    }

    static int period(int g, LocalDate day) {
        return switch (g) {
            case 0 -> (int) (day.toEpochDay() - ORIGIN.toEpochDay());
            case 1 -> (int) Math.floorDiv(day.toEpochDay() - ORIGIN.toEpochDay(), 7);
            case 2 -> (day.getYear() - 1900) * 12 + day.getMonthValue() - 1;
            default -> (day.getYear() - 1900) * 4 + (day.getMonthValue() - 1) / 3;
        };
    }

    private Customer customer(String id) {
        return customers.computeIfAbsent(id, Customer::new);
    }

    /**
     * The same query as the book's: per value of the dimension and per period in range, the figures of every KPI
     * the workload feeds (rates as exact decimals, churn and win-back over the stocks at the period's start).
     */
    List<BigDecimal[]> rows(String scope, int dimension, int g, int from, int to) {
        List<BigDecimal[]> rows = new ArrayList<>();
        for (String value : values.getOrDefault(scope + "|" + dimension, Set.of())) {
            long active = 0;
            long dormant = 0;
            for (int p = firstPeriod[g]; p < from; p++) {
                long[] cell = cells.get(new Cell(scope, dimension, value, g, p));
                if (cell != null) {
                    active += cell[ACTIVE_DELTA];
                    dormant += cell[DORMANT_DELTA];
                }
            }
            for (int p = from; p <= to; p++) {
                long[] s = cells.get(new Cell(scope, dimension, value, g, p));
                if (s == null) {
                    continue;
                }
                rows.add(new BigDecimal[] {count(s[LEADS]), count(s[MQLS]), ratio(s[MQLS], s[LEADS]),
                        count(s[PROSPECTS]), ratio(s[PROSPECTS], s[LEADS]), count(s[OPPORTUNITIES]),
                        ratio(s[OPPORTUNITIES], s[PROSPECTS]), count(s[NEW_CUSTOMERS]),
                        ratio(s[NEW_FROM_OPPORTUNITY], s[OPPORTUNITIES]), ratio(s[NEW_FROM_LEADS], s[LEADS]),
                        ratio(s[CYCLE_SECONDS], s[NEW_FROM_LEADS] * 86_400L), ratio(s[SLA_MET], s[SLA_DECIDED]),
                        ratio(s[ON_TIME], s[PROMISED]), ratio(s[CSAT_SATISFIED], s[CSAT_ANSWERS]),
                        ratio((s[PROMOTERS] - s[DETRACTORS]) * 100, s[NPS_ANSWERS]),
                        ratio(s[REPEAT_BUYERS], s[BUYERS]), ratio(s[CHURNED], active), ratio(s[WON_BACK], dormant),
                        count(s[ORDERS]), BigDecimal.valueOf(s[REVENUE_CENTS], 2),
                        ratio(s[REVENUE_CENTS], s[ORDERS] * 100L)});
                active += s[ACTIVE_DELTA];
                dormant += s[DORMANT_DELTA];
            }
        }
        return rows;
    }

    /** A rep's customer list, the plain way: a scan of all customers, sorted by id. */
    List<String[]> customersOf(String rep) {
        List<String[]> rows = new ArrayList<>();
        for (Customer c : customers.values()) {
            if (rep.equals(c.owner)) {
                rows.add(new String[] {c.id, String.valueOf(c.stage), c.owner, teams.get(c.owner), c.channel,
                        c.region, BigDecimal.valueOf(c.revenueCents, 2).toPlainString(),
                        dev.custflow.text.PersonalData.phone(c.phone)});
            }
        }
        rows.sort(Comparator.comparing(r -> r[0]));
        return rows;
    }

    private static BigDecimal count(long n) {
        return BigDecimal.valueOf(n);
    }

    private static BigDecimal ratio(long n, long d) {
        return d == 0 ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 6, RoundingMode.HALF_EVEN);
    }
}
