package dev.custflow.examples.internal;

import dev.custflow.action.Action;
import dev.custflow.action.LeadAssigned;
import dev.custflow.action.LeadReassigned;
import dev.custflow.action.LeadWaiting;
import dev.custflow.action.LeadsMerged;
import dev.custflow.action.StageChanged;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.Stage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The reps as people: each one calls the lead the engine gives them (LEAD_ASSIGNED, LEAD_REASSIGNED) after a human
 * delay. At work (Monday to Friday, 09:00-18:00 local time) most call within a few minutes, some when a meeting ends,
 * a few hours later; a lead given in the evening or at the weekend is called the next working morning. A rep who
 * was given a lead after another one missed it (the team lead knows) calls faster. A rep whose lead was taken away
 * does not call it any more.
 *
 * <p>The desk plans from the engine's actions, so it needs them before the stream goes past the moment they
 * decide: {@link #awaitsActions} says after which events the demo must run the engine before reading on (a capture,
 * while leads wait for a rep: any event, and its own ticks at the reassignment deadlines, which a live host's timer
 * would send).
 */
public final class RepDesk extends Actor {
    private static final long MINUTE = 60_000L;
    private static final String DEADLINE_TICK = "sla-check-";

    private record Planned(long at, long seq, Event event) {
    }

    private final Timeline time;
    private final long reassignAfter;
    private final SplittableRandom r;
    private final PriorityQueue<Planned> planned = new PriorityQueue<>(
            Comparator.comparingLong(Planned::at).thenComparingLong(Planned::seq));
    /** The pending call of each lead (cancelled when the lead goes to another rep). */
    private final Map<String, Planned> calls = new HashMap<>();
    private final Set<String> waiting = new HashSet<>();
    private EventMerger merger;
    private long seq;
    private long answers;
    private long ticks;

    /**
     * @param time                 the calendar
     * @param seed                 the simulation seed
     * @param firstResponseMinutes the engine's first-response time
     * @param reassignAfterMinutes the engine's reassignment delay after the first breach
     */
    public RepDesk(Timeline time, long seed, int firstResponseMinutes, int reassignAfterMinutes) {
        super(1, 1);
        this.time = time;
        this.reassignAfter = (firstResponseMinutes + (long) reassignAfterMinutes) * MINUTE;
        this.r = new SplittableRandom(seed ^ 0x5EED_DE5CL);
    }

    /** @param value the merger that interleaves this desk's events with the others' (told when plans change) */
    public void merger(EventMerger value) {
        this.merger = value;
    }

    /**
     * @param event the event just read
     * @return true when the engine must run it before the next event is read, for this desk to hear what it decided
     */
    public boolean awaitsActions(Event event) {
        return event instanceof LeadCaptured || !waiting.isEmpty()
                || event instanceof ClockTick t && t.id().startsWith(DEADLINE_TICK);
    }

    /**
     * Plans the reps' calls for the leads the engine gave out.
     *
     * @param actions the engine's actions, in order
     * @param readUpTo the time of the last event read: nothing is planned before it
     */
    public void heard(List<Action> actions, long readUpTo) {
        boolean changed = false;
        for (Action a : actions) {
            if (a instanceof LeadAssigned x) {
                waiting.remove(x.customerId());
                call(x.customerId(), x.repId(), Math.max(x.at().toEpochMilli(), readUpTo), false);
                changed = true;
            } else if (a instanceof LeadReassigned x) {
                call(x.customerId(), x.repId(), Math.max(x.at().toEpochMilli(), readUpTo), true);
                changed = true;
            } else if (a instanceof LeadWaiting x) {
                waiting.add(x.customerId());
            } else if (a instanceof StageChanged x && x.to() != Stage.LEAD && x.to() != Stage.PROSPECT) {
                waiting.remove(x.customerId());
            } else if (a instanceof LeadsMerged x) {
                waiting.remove(x.mergedId());
            }
        }
        if (changed && merger != null) {
            merger.replan(this);
        }
    }

    /** @return the calls the reps made to leads they were given, and the deadline ticks sent */
    public long[] counts() {
        return new long[] {answers, ticks};
    }

    private void call(String lead, String rep, long at, boolean reassigned) {
        Planned before = calls.remove(lead);
        if (before != null) {
            planned.remove(before); // the rep it was taken from does not call it any more
        }
        long when = answerAt(at, reassigned);
        Planned p = new Planned(when, seq++, new InteractionLogged("rep-call-" + lead + "-" + seq,
                Instant.ofEpochMilli(when), lead, InteractionKind.CALL, rep, null, 60 + r.nextInt(600), null));
        planned.add(p);
        calls.put(lead, p);
        long deadline = at + reassignAfter;
        if (when > deadline) { // the host's timer: the engine judges the deadline on time, and the desk hears it
            planned.add(new Planned(deadline, seq++, new ClockTick(DEADLINE_TICK + lead + "-" + seq,
                    Instant.ofEpochMilli(deadline))));
        }
    }

    /** When a rep calls a lead given at {@code at}: minutes later at work, the next working morning otherwise. */
    private long answerAt(long at, boolean reassigned) {
        LocalDateTime local = time.localTime(at);
        if (!atWork(local)) {
            int day = time.dayOf(at) + (local.getHour() >= 18 ? 1 : 0);
            while (!workday(time.localTime(time.at(day, 12)))) {
                day++;
            }
            return Math.max(at + MINUTE, time.at(day, 9 + r.nextDouble() * 1.5));
        }
        double x = r.nextDouble();
        double minutes;
        if (reassigned) {
            minutes = x < 0.85 ? 1 + 3 * r.nextDouble() : 5 + 20 * r.nextDouble();
        } else {
            minutes = x < 0.75 ? 1 + 3 * r.nextDouble() // at the desk
                    : x < 0.95 ? 5 + 25 * r.nextDouble() // on another call, in a meeting
                    : 60 + 120 * r.nextDouble(); // out on a visit
        }
        return at + Math.round(minutes * MINUTE);
    }

    private static boolean atWork(LocalDateTime t) {
        return workday(t) && t.getHour() >= 9 && t.getHour() < 18;
    }

    private static boolean workday(LocalDateTime t) {
        return t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public long nextAt() {
        return planned.isEmpty() ? DONE : planned.peek().at();
    }

    @Override
    public Event next() {
        Planned p = planned.poll();
        if (p.event() instanceof InteractionLogged i) {
            calls.remove(i.customerId());
            answers++;
        } else {
            ticks++;
        }
        return p.event();
    }
}
