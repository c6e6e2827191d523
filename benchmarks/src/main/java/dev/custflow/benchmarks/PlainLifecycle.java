package dev.custflow.benchmarks;

import dev.custflow.event.ClockTick;
import dev.custflow.event.ContractSigned;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.Outcome;
import dev.custflow.model.Stage;
import dev.custflow.model.TicketKind;
import dev.custflow.settings.LifecycleSettings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The baseline: the lifecycle pack (lifecycle.drl) written by hand in plain Java, the way a
 * careful developer would without a rule engine: a HashMap of small mutable customers, the same
 * transitions and thresholds (from the same settings), and a priority queue of due times for
 * dormancy, so a daily tick also costs only what is due. It emits no action objects, only counts
 * transitions; it has no JSON, audit, de-duplication or partitions. That is the point of the ratio:
 * what the engine's generality costs over code written for exactly these rules.
 */
public final class PlainLifecycle {
    private static final long DAY = 86_400_000L;

    /** One customer, as small as the rules need. */
    static final class Customer {
        final String id;
        Stage stage;
        boolean lead;
        boolean repEngaged;
        int score;
        long[] orderTimes = new long[0];
        int orders;
        long lastOrderAt = Long.MIN_VALUE;
        int opportunitiesWon;
        int contracts;
        Set<String> openComplaints;
        int lastNps = -1;
        int referrals;
        long dueAt = Long.MAX_VALUE;

        Customer(String id) {
            this.id = id;
        }
    }

    private final LifecycleSettings s;
    private final int mql;
    private final Map<String, Customer> customers = new HashMap<>();
    private final Map<String, String> ticketOwner = new HashMap<>();
    private final PriorityQueue<Customer> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueAt, b.dueAt));
    private long clock = Long.MIN_VALUE;
    private long transitions;

    /**
     * @param lifecycle the lifecycle thresholds
     * @param mqlThreshold the MQL threshold
     */
    public PlainLifecycle(LifecycleSettings lifecycle, int mqlThreshold) {
        this.s = lifecycle;
        this.mql = mqlThreshold;
    }

    /** @param e the next event (in time order) */
    public void accept(Event e) {
        long t = e.at().toEpochMilli();
        if (t > clock) {
            clock = t;
            while (!due.isEmpty() && due.peek().dueAt <= clock) {
                Customer c = due.poll();
                c.dueAt = Long.MAX_VALUE;
                evaluate(c);
            }
        }
        if (e instanceof ClockTick) {
            return;
        }
        String id = e instanceof TicketResolved r && r.customerId() == null ? ticketOwner.get(r.ticketId())
                : e.subjectId();
        if (id == null) {
            return;
        }
        Customer c = customers.computeIfAbsent(id, Customer::new);
        if (e instanceof LeadCaptured) {
            c.lead = true;
        } else if (e instanceof InteractionLogged i) {
            c.repEngaged |= i.kind().isRepContact();
        } else if (e instanceof OrderPlaced o) {
            long[] times = Arrays.copyOf(c.orderTimes, Math.min(c.orderTimes.length + 1, 128));
            if (c.orderTimes.length == 128) {
                System.arraycopy(c.orderTimes, 1, times, 0, 127);
            }
            times[times.length - 1] = t;
            Arrays.sort(times);
            c.orderTimes = times;
            c.orders++;
            c.lastOrderAt = Math.max(c.lastOrderAt, t);
        } else if (e instanceof OpportunityClosed o && o.outcome() == Outcome.WON) {
            c.opportunitiesWon++;
        } else if (e instanceof ContractSigned) {
            c.contracts++;
        } else if (e instanceof TicketOpened o && o.kind() == TicketKind.COMPLAINT) {
            if (c.openComplaints == null) {
                c.openComplaints = new HashSet<>(2);
            }
            c.openComplaints.add(o.ticketId());
            ticketOwner.put(o.ticketId(), id);
        } else if (e instanceof TicketResolved r && c.openComplaints != null) {
            c.openComplaints.remove(r.ticketId());
        } else if (e instanceof SurveyAnswered a && a.nps() != null) {
            c.lastNps = a.nps();
        }
        evaluate(c);
    }

    /** The rules of lifecycle.drl, repeated until none applies (transitions cascade as in Drools). */
    private void evaluate(Customer c) {
        boolean changed = true;
        while (changed) {
            changed = step(c);
        }
        boolean buying = c.stage == Stage.CUSTOMER || c.stage == Stage.LOYAL || c.stage == Stage.ADVOCATE;
        long wake = buying ? c.lastOrderAt + s.dormantAfterDays() * DAY : Long.MAX_VALUE;
        if (wake > clock && wake != c.dueAt) {
            due.remove(c);
            c.dueAt = wake;
            if (wake != Long.MAX_VALUE) {
                due.add(c);
            }
        }
    }

    private boolean step(Customer c) {
        boolean ordered = c.orders > 0;
        boolean early = c.stage == null || c.stage == Stage.LEAD || c.stage == Stage.PROSPECT
                || c.stage == Stage.DISQUALIFIED;
        if (c.stage == null && c.lead && !ordered) {
            return move(c, Stage.LEAD);
        }
        if (c.stage == Stage.LEAD && c.score >= mql && c.repEngaged) {
            return move(c, Stage.PROSPECT);
        }
        if (early && (ordered || c.opportunitiesWon > 0 || c.contracts > 0)) {
            return move(c, Stage.CUSTOMER);
        }
        if (c.stage == Stage.CUSTOMER && ordersWithin(c, s.loyalWindowDays()) >= s.loyalMinOrders()
                && (c.openComplaints == null || c.openComplaints.isEmpty())) {
            return move(c, Stage.LOYAL);
        }
        if (c.stage == Stage.LOYAL && (c.lastNps >= s.advocateMinNps() || c.referrals > 0)) {
            return move(c, Stage.ADVOCATE);
        }
        long days = ordered ? Math.floorDiv(clock - c.lastOrderAt, DAY) : 0;
        if ((c.stage == Stage.CUSTOMER || c.stage == Stage.LOYAL || c.stage == Stage.ADVOCATE)
                && days >= s.dormantAfterDays()) {
            return move(c, Stage.DORMANT);
        }
        if (c.stage == Stage.DORMANT && days < s.dormantAfterDays()) {
            return move(c, Stage.CUSTOMER);
        }
        return false;
    }

    private int ordersWithin(Customer c, int days) {
        long since = clock - days * DAY;
        int n = 0;
        for (int i = c.orderTimes.length - 1; i >= 0 && c.orderTimes[i] >= since; i--) {
            n++;
        }
        return n;
    }

    private boolean move(Customer c, Stage to) {
        c.stage = to;
        transitions++;
        return true;
    }

    /**
     * @param id a customer id
     * @return its stage, or null
     */
    public Stage stage(String id) {
        Customer c = customers.get(id);
        return c == null ? null : c.stage;
    }

    /** @return how many customers it knows */
    public int customerCount() {
        return customers.size();
    }

    /** @return the stage transitions made so far */
    public long transitions() {
        return transitions;
    }
}
