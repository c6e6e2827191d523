package dev.custflow.insights.internal;

import dev.custflow.insights.Dimension;
import dev.custflow.insights.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.IntHashSet;

/**
 * The counters and how a fact reaches them: each fact about a customer adds to the cells of every scope that sees
 * the customer at that moment, for every granularity and every dimension value the customer has at that moment.
 * Not thread-safe.
 */
final class Ledger {
    static final int EVERYTHING = 0;
    static final int OVERALL = 0;
    static final int ALL_GRANULARITIES = 0b1111;
    private static final Granularity[] GRANULARITIES = Granularity.values();
    private static final Dimension[] DIMENSIONS = Dimension.values();

    final ZoneId zone;
    final Cells cells = new Cells(Slots.COUNT);
    final Names scopes = new Names(Keys.SCOPE_LIMIT);
    final Names values = new Names(Keys.VALUE_LIMIT);
    private final IntArrayList dimensionOf = new IntArrayList();
    /** Per scope and dimension ((scope << 3) | dimension), the values it has cells under. */
    private final LongObjectHashMap<IntHashSet> valuesOf = new LongObjectHashMap<>();
    /** Per scope, the first and last day (epoch days) it has facts on. */
    private final IntArrayList firstDay = new IntArrayList();
    private final IntArrayList lastDay = new IntArrayList();
    /** Per granularity, the first period number anyone has a cell in. */
    final int[] firstPeriod = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    /** Rep to team, as RepUpdated said last. */
    final Map<String, String> teams = new HashMap<>();
    /** Raised when a rep changes team: every cached attribution is stale then. */
    long version;

    // Facts about one customer at one moment usually come several at a time (a first order: new customer, revenue,
    // order, stock...): they are gathered here and reach each cell in one look-up.
    private Attribution pendingFor;
    private LocalDate pendingDay;
    private final long[] pending = new long[Slots.COUNT];
    private final boolean[] isPending = new boolean[Slots.COUNT];
    private final int[] pendingSlots = new int[Slots.COUNT];
    private int pendingCount;
    // the last instant and day converted: the facts of one engine call share them
    private Instant cachedInstant;
    private LocalDate cachedDay;
    private final int[] cachedPeriods = new int[GRANULARITIES.length];

    Ledger(ZoneId zone) {
        this.zone = zone;
        scope("*");
        values.id("");
        dimensionOf.add(Dimension.OVERALL.ordinal());
    }

    LocalDate day(Instant at) {
        if (!at.equals(cachedInstant)) {
            periods(LocalDate.ofInstant(at, zone));
            cachedInstant = at;
        }
        return cachedDay;
    }

    /** @throws IllegalArgumentException for a day outside the keys' range (the cache is left as it was) */
    private int[] periods(LocalDate day) {
        if (!day.equals(cachedDay)) {
            int first = Keys.period(Granularity.DAY, day); // throws for a day out of range, before any change
            cachedDay = day;
            cachedInstant = null;
            cachedPeriods[0] = first;
            for (int g = 1; g < GRANULARITIES.length; g++) {
                cachedPeriods[g] = Keys.period(GRANULARITIES[g], day);
            }
        }
        return cachedPeriods;
    }

    /**
     * Adds {@code delta} to a slot for every granularity, gathered with the other facts of the same attribution and
     * day until {@link #flush()} (or a fact for another attribution or day).
     */
    void count(Attribution a, LocalDate day, int slot, long delta) {
        if (a != pendingFor || !day.equals(pendingDay)) {
            flush();
            pendingFor = a;
            pendingDay = day;
        }
        if (!isPending[slot]) {
            isPending[slot] = true;
            pendingSlots[pendingCount++] = slot;
        }
        pending[slot] += delta;
    }

    /** Applies the gathered facts to their cells. */
    void flush() {
        if (pendingCount == 0) {
            return;
        }
        Attribution a = pendingFor;
        spanned(a, pendingDay);
        int[] periods = periods(pendingDay);
        for (int g = 0; g < GRANULARITIES.length; g++) {
            int p = periods[g];
            for (int s : a.scopes()) {
                for (int v : a.values()) {
                    int before = cells.size();
                    int cell = cells.cell(Keys.key(s, v, g, p));
                    if (cells.size() > before) {
                        created(s, v, g, p);
                    }
                    for (int i = 0; i < pendingCount; i++) {
                        cells.add(cell, pendingSlots[i], pending[pendingSlots[i]]);
                    }
                }
            }
        }
        for (int i = 0; i < pendingCount; i++) {
            pending[pendingSlots[i]] = 0;
            isPending[pendingSlots[i]] = false;
        }
        pendingCount = 0;
        pendingFor = null;
        pendingDay = null;
    }

    private void spanned(Attribution a, LocalDate day) {
        int epochDay = (int) day.toEpochDay();
        for (int s : a.scopes()) {
            if (epochDay < firstDay.get(s)) {
                firstDay.set(s, epochDay);
            }
            if (epochDay > lastDay.get(s)) {
                lastDay.set(s, epochDay);
            }
        }
    }

    /** @return where the customer's facts are counted now */
    Attribution attribution(CustomerState c, Attribution cached) {
        if (cached != null && cached.version() == version) {
            return cached;
        }
        String team = c.owner == null ? null : teams.get(c.owner);
        int n = 1 + (c.owner != null ? 1 : 0) + (team != null ? 1 : 0) + c.partners.length;
        int[] s = new int[n];
        int i = 1;
        if (c.owner != null) {
            s[i++] = scope("R:" + c.owner);
        }
        if (team != null) {
            s[i++] = scope("T:" + team);
        }
        for (int p : c.partners) {
            s[i++] = p;
        }
        int[] v = {OVERALL, value(Dimension.REP, c.owner), value(Dimension.TEAM, team),
                value(Dimension.CHANNEL, c.channel), value(Dimension.REGION, c.region)};
        return new Attribution(s, v, version);
    }

    int scope(String key) {
        int id = scopes.id(key);
        while (firstDay.size() <= id) {
            firstDay.add(Integer.MAX_VALUE);
            lastDay.add(Integer.MIN_VALUE);
        }
        return id;
    }

    private int value(Dimension d, String v) {
        int id = values.id(d.ordinal() + ":" + (v == null ? Dimension.NONE : v));
        if (id == dimensionOf.size()) {
            dimensionOf.add(d.ordinal());
        }
        return id;
    }

    /** @return the value number of a dimension's value, or -1 if nothing was ever counted under it */
    int findValue(Dimension d, String v) {
        return d == Dimension.OVERALL ? OVERALL : values.find(d.ordinal() + ":" + v);
    }

    /** @return the shown value of a value number (without its dimension) */
    String valueName(int id) {
        String n = values.name(id);
        return id == OVERALL ? Dimension.NONE : n.substring(n.indexOf(':') + 1);
    }

    /** Adds {@code delta} to a slot for every granularity. */
    void add(Attribution a, LocalDate day, int slot, long delta) {
        add(a, day, slot, delta, ALL_GRANULARITIES);
    }

    /** Adds {@code delta} to a slot for the granularities in {@code mask} (bit = granularity ordinal). */
    void add(Attribution a, LocalDate day, int slot, long delta, int mask) {
        flush();
        spanned(a, day);
        int[] periods = periods(day);
        for (int g = 0; g < GRANULARITIES.length; g++) {
            if ((mask & (1 << g)) == 0) {
                continue;
            }
            int p = periods[g];
            for (int s : a.scopes()) {
                for (int v : a.values()) {
                    if (cells.add(Keys.key(s, v, g, p), slot, delta)) {
                        created(s, v, g, p);
                    }
                }
            }
        }
    }

    private void created(int scope, int value, int g, int period) {
        if (period < firstPeriod[g]) {
            firstPeriod[g] = period;
        }
        long k = ((long) scope << 3) | dimensionOf.get(value);
        IntHashSet set = valuesOf.get(k);
        if (set == null) {
            set = new IntHashSet();
            valuesOf.put(k, set);
        }
        set.add(value);
    }

    /** @return the values a scope has cells under for a dimension */
    IntHashSet valuesOf(int scope, Dimension d) {
        IntHashSet set = valuesOf.get(((long) scope << 3) | d.ordinal());
        return set == null ? new IntHashSet() : set;
    }

    /** @return the first and last epoch day the scope has facts on, or null */
    long[] span(int scope) {
        if (scope >= firstDay.size() || firstDay.get(scope) == Integer.MAX_VALUE) {
            return null;
        }
        return new long[] {firstDay.get(scope), lastDay.get(scope)};
    }

    static Dimension dimension(int ordinal) {
        return DIMENSIONS[ordinal];
    }
}
