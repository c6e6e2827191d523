package dev.custflow.internal.packs;

import dev.custflow.rules.Reasons;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;

import dev.custflow.event.RepUpdated;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.profile.RepRecord;
import dev.custflow.model.Customer;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.Rep;
import dev.custflow.settings.AssignmentSettings;
import dev.custflow.settings.AssignmentSettings.Route;
import dev.custflow.settings.AssignmentSettings.Strategy;
import dev.custflow.spi.RepLoadBoard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * The state lead assignment shares across partitions (docs/design/rules-catalog.md §4): the reps as the desk knows them, each
 * rep's open leads, the round-robin turns, the leads waiting for capacity and the first-response deadlines.
 *
 * <p>It is used on the engine's thread only, at the points of the stream where the engine hands out leads (a
 * capture, a freed capacity, a deadline), with every partition idle and up to date. So a lead's rep depends on
 * the stream alone, never on the number of partitions or on how the stream was cut into batches.
 */
public final class AssignmentDesk {
    /** A rep's pick for a lead: the route, the rep, the candidates best first, and why. */
    public record Choice(Route route, String repId, List<String> candidates, String explanation) {
    }

    /** Why a lead waits: the first route that applies to it (null when none does) and the reps it found away or full. */
    public record Wait(String route, String explanation) {
    }

    /** A first-response deadline of an assigned lead. */
    public record Deadline(String leadId, String repId, long assignedAt, long due, boolean second, long seq) {
    }

    private final AssignmentSettings settings;
    /** Whose hours count: deadlines are working time on the rep's calendar, and leads go to reps at work. */
    private final Calendars calendars;
    private final Set<InteractionKind> responses;
    private final TreeMap<String, RepRecord> reps = new TreeMap<>();
    /** Open leads per rep in this engine. */
    private final ObjectIntHashMap<String> load = new ObjectIntHashMap<>();
    /** The other engines' loads, or null when this engine holds every lead. */
    private final RepLoadBoard board;
    private long boardVersion;
    /** The last rep given a lead by each round-robin route. */
    private final Map<String, String> lastTurn = new HashMap<>();
    private final PriorityQueue<Deadline> deadlines = new PriorityQueue<>(
            Comparator.comparingLong(Deadline::due).thenComparingLong(Deadline::seq));
    /** The open deadline of each lead (older queue entries for it are stale). */
    private final Map<String, Deadline> pending = new HashMap<>();
    /** Reps each lead has had, so a reassignment goes to someone new. */
    private final Map<String, Set<String>> tried = new HashMap<>();
    private final LinkedHashSet<String> waiting = new LinkedHashSet<>();
    private long seq;
    private boolean capacityChanged;
    private boolean open;
    /** The last {@link #assign} put the lead in the waiting line (it was not there before). */
    private boolean joinedLine;

    /** A desk whose reps work around the clock. */
    /** The engine's reason templates: the desk explains its choice in the engine's locale. */
    private Reasons reasons = Reasons.of(java.util.Locale.ENGLISH);

    /**
     * @param value the reason templates of the engine's locale
     */
    public void reasons(Reasons value) {
        this.reasons = java.util.Objects.requireNonNull(value, "reasons");
    }

    public AssignmentDesk(AssignmentSettings settings, RepLoadBoard board) {
        this(settings, board, Calendars.aroundTheClock(java.time.ZoneOffset.UTC));
    }

    public AssignmentDesk(AssignmentSettings settings, RepLoadBoard board, Calendars calendars) {
        this.settings = settings;
        this.calendars = calendars;
        this.board = board;
        this.responses = settings.responseKinds().isEmpty() ? EnumSet.noneOf(InteractionKind.class)
                : EnumSet.copyOf(settings.responseKinds());
    }

    /** @return true once the desk knows a rep: before that there is nobody to assign to */
    public boolean hasReps() {
        return !reps.isEmpty();
    }

    public void repUpdated(RepUpdated e) {
        reps.computeIfAbsent(e.repId(), RepRecord::new).apply(e);
        capacityChanged = true;
    }

    /** A rep's interaction with a lead: a response of the kinds that count settles its deadline. */
    public void interaction(String leadId, InteractionKind kind) {
        if (responses.contains(kind) && pending.remove(leadId) != null) {
            tried.remove(leadId);
        }
    }

    /** A lead stopped counting toward its rep's load (closed, converted, merged away). */
    public void release(String repId) {
        if (repId != null && load.getIfAbsent(repId, 0) > 0) {
            publish(repId, load.addToValue(repId, -1));
            capacityChanged = true;
        }
    }

    /**
     * A lead its rep had given up (recycled or lost) is open again and back with that rep: it counts toward their
     * load again, even above capacity, since the rep knows its history.
     */
    public void reclaim(String repId) {
        if (repId != null) {
            publish(repId, load.addToValue(repId, 1));
        }
    }

    /** @return true when the last {@link #assign} found no rep and put the lead in the waiting line */
    public boolean joinedLine() {
        return joinedLine;
    }

    /**
     * @param lead a lead no route could give a rep
     * @return the first route that applies to it and why nobody on the routes that apply can take it
     */
    public Wait whyWaiting(Customer lead) {
        String first = null;
        String why = null;
        for (Route route : settings.routes()) {
            if (!applies(route, lead)) {
                continue;
            }
            first = first == null ? route.name() : first;
            List<String> seen = new ArrayList<>();
            for (Rep r : reps.values()) {
                if (inRoute(route, r, lead)) {
                    int held = held(r.getId());
                    seen.add(!r.isAvailable() ? reasons.say("assignment.desk.away", r.getId())
                            : reasons.say("assignment.desk.full", r.getId(), held, r.getCapacity()));
                }
            }
            String one = seen.isEmpty() ? reasons.say("assignment.desk.route.noRep", route.name())
                    : reasons.say("assignment.desk.route.reps", route.name(), list(seen));
            why = why == null ? one : reasons.say("assignment.desk.join", why, one);
        }
        return new Wait(first, why == null ? reasons.say("assignment.desk.noRoute") : why);
    }

    /** @return the leads waiting for a rep, oldest in line first (for reports and tests) */
    public List<String> waitingLine() {
        return List.copyOf(waiting);
    }

    /** Opens the desk for the rules of one evaluation; {@link #close()} after. */
    public void open() {
        open = true;
    }

    public void close() {
        open = false;
    }

    private void checkOpen(String what) {
        if (!open) {
            throw new IllegalStateException(what + " was called outside lead hand-out: leads are assigned when the "
                    + "engine offers them (an AssignmentDue or SlaBreach fact), so that every rep's load is seen in "
                    + "stream order");
        }
    }

    /**
     * Picks a rep for a lead by the routing table and gives it the lead, or puts the lead in the waiting line.
     *
     * @return the choice, or null when no route has a rep who can take it
     */
    public Choice assign(CustomerRecord lead, long now) {
        checkOpen("assignLead");
        Choice c = choose(lead, Set.of(), now);
        joinedLine = false;
        if (c == null) {
            if (hasReps()) {
                joinedLine = waiting.add(lead.getId());
            }
            return null;
        }
        waiting.remove(lead.getId());
        give(lead, c, now);
        return c;
    }

    /**
     * Takes a lead from its rep and gives it to the next candidate not tried before, or leaves it.
     *
     * @return the choice, or null when nobody else can take it
     */
    public Choice reassign(CustomerRecord lead, long now) {
        checkOpen("reassignLead");
        if (lead.getOwnerSetBy() != null) {
            return null; // a person chose this rep: the escalation stands, the lead stays
        }
        Set<String> before = tried.getOrDefault(lead.getId(), Set.of());
        if (before.size() > settings.maxReassignments()) {
            return null; // taken from reps often enough: the escalation stands
        }
        Choice c = choose(lead, before, now);
        if (c == null) {
            return null;
        }
        if (lead.isLoadCounted()) {
            release(lead.getOwnerId());
        }
        give(lead, c, now);
        return c;
    }

    /**
     * A person gave the lead to a rep: the load moves from the rep who had it (if it counted) to the new one while the
     * lead is open, and a lead nobody has answered yet (never assigned, or its deadline still open) gets the new rep's
     * first-response time; one already answered gets none. The lead leaves the waiting line.
     *
     * @param lead  the lead (or customer)
     * @param repId the rep chosen
     * @param now   when
     */
    public void handOver(CustomerRecord lead, String repId, long now) {
        checkOpen("OwnerSet");
        String id = lead.getId();
        boolean unanswered = pending.containsKey(id) || lead.getOwnerId() == null;
        waiting.remove(id);
        if (lead.isLoadCounted()) {
            release(lead.getOwnerId());
            lead.loadCounted(false);
        }
        boolean open = lead.isOpenLead();
        own(lead, repId, now, open);
        if (open && unanswered) {
            firstResponseDue(lead, repId, now);
        } else {
            pending.remove(id); // answered already, or closed: no first response to wait for
        }
    }

    private void give(CustomerRecord lead, Choice c, long now) {
        own(lead, c.repId(), now, true);
        firstResponseDue(lead, c.repId(), now);
    }

    /** Makes the rep the lead's owner; a lead that still needs its rep counts toward the rep's load. */
    private void own(CustomerRecord lead, String repId, long now, boolean counts) {
        lead.ownerId(repId);
        lead.ownerSince(now);
        if (counts) {
            lead.loadCounted(true);
            publish(repId, load.addToValue(repId, 1));
        }
    }

    /** The rep has the first-response time from now, on their calendar. */
    private void firstResponseDue(CustomerRecord lead, String repId, long now) {
        tried.computeIfAbsent(lead.getId(), k -> new LinkedHashSet<>()).add(repId);
        schedule(new Deadline(lead.getId(), repId, now, plusWorking(repId, now, settings.firstResponseMinutes()),
                false, seq++));
    }

    private void publish(String repId, int count) {
        if (board != null) {
            board.held(repId, count);
        }
    }

    /** @return the rep's open leads in this engine and, with a board, in the others */
    private int held(String repId) {
        int here = load.getIfAbsent(repId, 0);
        return board == null ? here : here + Math.max(0, board.heldElsewhere(repId));
    }

    private void schedule(Deadline d) {
        pending.put(d.leadId(), d);
        deadlines.add(d);
    }

    /** @return the earliest open deadline, or {@link Long#MAX_VALUE} */
    public long nextDeadline() {
        while (!deadlines.isEmpty() && pending.get(deadlines.peek().leadId()) != deadlines.peek()) {
            deadlines.poll(); // answered or replaced
        }
        return deadlines.isEmpty() ? Long.MAX_VALUE : deadlines.peek().due();
    }

    /**
     * Takes the earliest open deadline; a first breach schedules the second.
     *
     * @return the deadline, or null if none is open
     */
    public Deadline pollDeadline() {
        if (nextDeadline() == Long.MAX_VALUE) {
            return null;
        }
        Deadline d = deadlines.poll();
        if (d.second()) {
            pending.remove(d.leadId());
        } else {
            schedule(new Deadline(d.leadId(), d.repId(), d.assignedAt(),
                    plusWorking(d.repId(), d.due(), settings.reassignAfterMinutes()), true, seq++));
        }
        return d;
    }

    /** @return the rep's working calendar */
    public dev.custflow.model.WorkingCalendar calendarOf(String repId) {
        return calendars.forRep(repId, teamOf(repId));
    }

    /** @return working minutes from the assignment to the deadline, on the rep's calendar */
    public long workingMinutes(Deadline d) {
        return calendarOf(d.repId()).workingBetween(java.time.Instant.ofEpochMilli(d.assignedAt()),
                java.time.Instant.ofEpochMilli(d.due())).toMinutes();
    }

    /** A lead assigned out of hours gets its minutes from the rep's next opening. */
    private long plusWorking(String repId, long from, int minutes) {
        return calendarOf(repId).plusWorking(java.time.Instant.ofEpochMilli(from), java.time.Duration.ofMinutes(minutes))
                .toEpochMilli();
    }

    /** Forgets a lead's deadline and history (it was merged into another record). */
    public void forget(String leadId) {
        pending.remove(leadId);
        tried.remove(leadId);
        waiting.remove(leadId);
    }

    /** @return the team of a rep, or null */
    public String teamOf(String repId) {
        Rep r = reps.get(repId);
        return r == null ? null : r.getTeam();
    }

    /**
     * @return the leads waiting for capacity, oldest first, if capacity changed since the last call; else none
     */
    public List<String> waitingToOffer() {
        long version = board == null ? 0 : board.version();
        if (waiting.isEmpty() || !(capacityChanged || version != boardVersion)) {
            return List.of();
        }
        capacityChanged = false;
        boardVersion = version;
        return List.copyOf(waiting);
    }

    public boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** Puts a lead in the waiting line (a lead from before the desk knew any rep). */
    public void await(String leadId) {
        waiting.add(leadId);
        capacityChanged = true;
    }

    public void dropWaiting(String leadId) {
        waiting.remove(leadId);
    }

    /** @return open leads per rep in this engine (for reports and tests) */
    Map<String, Integer> loads() {
        Map<String, Integer> m = new TreeMap<>();
        for (String r : reps.keySet()) {
            m.put(r, load.getIfAbsent(r, 0));
        }
        return m;
    }

    /**
     * Writes what the desk knows besides the reps (the engine writes those once for the desk and the
     * partitions): loads, turns, open deadlines, reps tried, the waiting line. Sorted where the order does not
     * matter, so equal desks encode alike.
     */
    public void write(SnapshotOutput o) {
        List<String> ids = new ArrayList<>();
        load.forEachKeyValue((k, v) -> {
            if (v != 0) {
                ids.add(k);
            }
        });
        ids.sort(null);
        o.writeVarInt(ids.size());
        for (String id : ids) {
            o.writeString(id);
            o.writeSignedInt(load.get(id));
        }
        TreeMap<String, String> turns = new TreeMap<>(lastTurn);
        o.writeVarInt(turns.size());
        turns.forEach((k, v) -> {
            o.writeString(k);
            o.writeString(v);
        });
        List<Deadline> open = new ArrayList<>(pending.values());
        open.sort(Comparator.comparingLong(Deadline::seq));
        o.writeVarInt(open.size());
        for (Deadline d : open) {
            o.writeString(d.leadId());
            o.writeString(d.repId());
            o.writeSignedLong(d.assignedAt());
            o.writeSignedLong(d.due() - d.assignedAt());
            o.writeBoolean(d.second());
            o.writeVarLong(d.seq());
        }
        TreeMap<String, Set<String>> had = new TreeMap<>(tried);
        o.writeVarInt(had.size());
        had.forEach((lead, reps) -> {
            o.writeString(lead);
            o.writeVarInt(reps.size());
            reps.forEach(o::writeString);
        });
        o.writeVarInt(waiting.size());
        waiting.forEach(o::writeString);
        o.writeVarLong(seq);
        o.writeBoolean(capacityChanged);
    }

    /** Restores what {@link #write} wrote; the reps come first, through {@link #repUpdated}. */
    public void read(SnapshotInput in) {
        int n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            String rep = in.readString().intern();
            int count = in.readSignedInt();
            load.put(rep, count);
            publish(rep, count);
        }
        n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            lastTurn.put(in.readString(), in.readString());
        }
        n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            String lead = in.readString();
            String rep = in.readString().intern();
            long assigned = in.readSignedLong();
            long due = assigned + in.readSignedLong();
            schedule(new Deadline(lead, rep, assigned, due, in.readBoolean(), in.readVarLong()));
        }
        n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            String lead = in.readString();
            int k = in.readVarInt();
            Set<String> reps = new LinkedHashSet<>();
            for (int j = 0; j < k; j++) {
                reps.add(in.readString().intern());
            }
            tried.put(lead, reps);
        }
        n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            waiting.add(in.readString());
        }
        seq = in.readVarLong();
        capacityChanged = in.readBoolean();
    }

    /**
     * Offers the lead to reps at work first; when nobody who could take it is at work (a night, a weekend), it goes
     * to the best rep anyway, whose response time starts at the next opening.
     */
    private Choice choose(Customer lead, Set<String> exclude, long now) {
        Choice atWork = choose(lead, exclude, java.time.Instant.ofEpochMilli(now));
        if (atWork != null) {
            return atWork;
        }
        Choice any = choose(lead, exclude, null);
        return any == null ? null : new Choice(any.route(), any.repId(), any.candidates(), any.explanation()
                + reasons.say("assignment.desk.nobodyAtWork", any.repId(),
                        calendarOf(any.repId()).nextOpening(java.time.Instant.ofEpochMilli(now))
                                .atZone(calendarOf(any.repId()).zone()).toLocalDateTime()));
    }

    /** @param atWork only reps whose calendar is open at this instant, or null for any */
    private Choice choose(Customer lead, Set<String> exclude, java.time.Instant atWork) {
        for (Route route : settings.routes()) {
            if (!applies(route, lead)) {
                continue;
            }
            List<Rep> pool = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (Rep r : reps.values()) {
                if (!inRoute(route, r, lead)) {
                    continue;
                }
                int held = held(r.getId());
                if (exclude.contains(r.getId())) {
                    skipped.add(reasons.say("assignment.desk.hadIt", r.getId()));
                } else if (!r.isAvailable()) {
                    skipped.add(reasons.say("assignment.desk.away", r.getId()));
                } else if (held >= r.getCapacity()) {
                    skipped.add(reasons.say("assignment.desk.full", r.getId(), held, r.getCapacity()));
                } else if (atWork != null && !calendarOf(r.getId()).isOpen(atWork)) {
                    skipped.add(reasons.say("assignment.desk.offHours", r.getId()));
                } else {
                    pool.add(r);
                }
            }
            if (pool.isEmpty()) {
                continue;
            }
            List<Rep> ranked = route.strategy() == Strategy.ROUND_ROBIN ? inTurn(route, pool) : byLoad(pool);
            Rep chosen = ranked.get(0);
            if (route.strategy() == Strategy.ROUND_ROBIN) {
                lastTurn.put(route.name(), chosen.getId());
            }
            List<String> candidates = ranked.stream().map(Rep::getId).toList();
            return new Choice(route, chosen.getId(), candidates, explain(route, chosen, ranked, skipped));
        }
        return null;
    }

    private boolean applies(Route r, Customer lead) {
        return (r.channels().isEmpty() || containsIgnoreCase(r.channels(), lead.getChannel()))
                && (r.regions().isEmpty() || containsIgnoreCase(r.regions(), lead.getRegion()))
                && (r.industries().isEmpty() || containsIgnoreCase(r.industries(), lead.getIndustry()))
                && (r.companySizeAbove() == null || lead.getCompanySize() > r.companySizeAbove())
                && (r.minScore() == null || lead.getScore() >= r.minScore())
                && (r.grades().isEmpty() || containsIgnoreCase(r.grades(), lead.getGrade()))
                && (r.tags().isEmpty() || r.tags().stream().anyMatch(lead::hasTag));
    }

    private static boolean inRoute(Route route, Rep r, Customer lead) {
        if (route.team() != null && !route.team().equalsIgnoreCase(r.getTeam())) {
            return false;
        }
        return switch (route.strategy()) {
            case REGION -> lead.getRegion() != null && lead.getRegion().equalsIgnoreCase(r.getRegion());
            case INDUSTRY -> lead.getIndustry() != null && r.getIndustries().stream()
                    .anyMatch(i -> i.equalsIgnoreCase(lead.getIndustry()));
            case SENIOR -> r.isSenior();
            case KEY_ACCOUNT, ROUND_ROBIN, LEAST_LOADED -> true;
        };
    }

    /** Least loaded first: share of capacity in use, then open leads, then rep id. */
    private List<Rep> byLoad(List<Rep> pool) {
        List<Rep> ranked = new ArrayList<>(pool);
        ranked.sort(Comparator.comparingDouble((Rep r) -> share(r)).thenComparingInt(r -> held(r.getId()))
                .thenComparing(Rep::getId));
        return ranked;
    }

    private double share(Rep r) {
        return (double) held(r.getId()) / r.getCapacity();
    }

    /** The next rep after the route's last turn (by rep id, wrapping), then the others in turn. */
    private List<Rep> inTurn(Route route, List<Rep> pool) {
        String last = lastTurn.get(route.name());
        int start = 0;
        if (last != null) {
            while (start < pool.size() && pool.get(start).getId().compareTo(last) <= 0) {
                start++;
            }
        }
        List<Rep> ranked = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            ranked.add(pool.get((start + i) % pool.size()));
        }
        return ranked;
    }

    private String explain(Route route, Rep chosen, List<Rep> ranked, List<String> skipped) {
        String who = reasons.say(route.strategy() == Strategy.ROUND_ROBIN ? "assignment.desk.nextInTurn"
                : ranked.size() > 1 ? "assignment.desk.lightest" : "assignment.desk.only", chosen.getId());
        String b = reasons.say("assignment.desk.chosen", route.name(),
                reasons.say("assignment.strategy." + route.strategy().name()),
                route.team() == null ? "" : reasons.say("assignment.desk.team", route.team()), who,
                describeLoad(chosen));
        if (ranked.size() > 1) {
            List<String> others = new ArrayList<>();
            for (int i = 1; i < ranked.size(); i++) {
                others.add(reasons.say("assignment.desk.candidate", ranked.get(i).getId(),
                        describeLoad(ranked.get(i))));
            }
            b += reasons.say("assignment.desk.alsoConsidered", list(others));
        }
        if (!skipped.isEmpty()) {
            b += reasons.say("assignment.desk.skipped", list(skipped));
        }
        return b;
    }

    /** The first five, then how many more. */
    private String list(List<String> items) {
        String text = null;
        for (int i = 0; i < items.size() && i < 5; i++) {
            text = text == null ? items.get(i) : reasons.say("assignment.desk.list", text, items.get(i));
        }
        return items.size() > 5 ? reasons.say("assignment.desk.more", text, items.size() - 5) : text;
    }

    private String describeLoad(Rep r) {
        int held = held(r.getId());
        return r.getCapacity() == Integer.MAX_VALUE ? reasons.say("assignment.desk.load.open", held)
                : reasons.say("assignment.desk.load", held, r.getCapacity());
    }

    private static boolean containsIgnoreCase(List<String> values, String v) {
        if (v == null) {
            return false;
        }
        for (String s : values) {
            if (s.equalsIgnoreCase(v)) {
                return true;
            }
        }
        return false;
    }
}
