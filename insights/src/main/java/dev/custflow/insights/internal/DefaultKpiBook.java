package dev.custflow.insights.internal;

import dev.custflow.BatchResult;
import dev.custflow.Engine;
import dev.custflow.event.Event;
import dev.custflow.insights.CustomerRow;
import dev.custflow.insights.Dimension;
import dev.custflow.insights.Granularity;
import dev.custflow.insights.Kpi;
import dev.custflow.insights.KpiBook;
import dev.custflow.insights.KpiQuery;
import dev.custflow.insights.KpiRow;
import dev.custflow.insights.KpiValue;
import dev.custflow.insights.OrderCosts;
import dev.custflow.insights.Scope;
import dev.custflow.text.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** The book: a {@link Fold} feeding a {@link Ledger}, read under a scope. Calls are serialised. */
public final class DefaultKpiBook implements KpiBook {
    private final Ledger ledger;
    private final Fold fold;

    /**
     * @param zone         the time zone periods are counted in
     * @param mqlThreshold the score from which a lead is an MQL
     * @param costs        what orders cost
     */
    public DefaultKpiBook(ZoneId zone, int mqlThreshold, OrderCosts costs) {
        this.ledger = new Ledger(Objects.requireNonNull(zone, "zone"));
        this.fold = new Fold(ledger, mqlThreshold, Objects.requireNonNull(costs, "costs"));
    }

    @Override
    public synchronized BatchResult accept(Engine engine, Event event) {
        BatchResult result = engine.acceptAll(List.of(Objects.requireNonNull(event, "event")));
        record(event, result);
        return result;
    }

    @Override
    public synchronized BatchResult advanceTo(Engine engine, Instant to) {
        BatchResult result = engine.advanceTo(to);
        recordTimeActions(result);
        return result;
    }

    @Override
    public synchronized void record(Event event, BatchResult result) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(result, "result");
        int events = result.accepted() + result.duplicates() + result.rejections().size();
        if (events > 1) {
            throw new IllegalArgumentException("The result covers " + events + " events; the book needs the engine's"
                    + " answer for one event at a time (engine.acceptAll(List.of(event))).");
        }
        if (result.accepted() == 1) {
            ledger.day(event.at());
            result.actions().forEach(a -> ledger.day(a.at()));
            fold.event(event, result.actions());
        }
    }

    @Override
    public synchronized void recordTimeActions(BatchResult result) {
        Objects.requireNonNull(result, "result").actions().forEach(a -> ledger.day(a.at()));
        fold.timeActions(result.actions());
    }

    @Override
    public synchronized void share(String partnerId, String customerId, Instant at) {
        ledger.day(Objects.requireNonNull(at, "at"));
        fold.share(id("partnerId", partnerId), id("customerId", customerId), Objects.requireNonNull(at, "at"), true);
    }

    @Override
    public synchronized void unshare(String partnerId, String customerId, Instant at) {
        ledger.day(Objects.requireNonNull(at, "at"));
        fold.share(id("partnerId", partnerId), id("customerId", customerId), Objects.requireNonNull(at, "at"), false);
    }

    private static String id(String what, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is " + (id == null ? "missing" : "blank") + ".");
        }
        return id;
    }

    /** @return the scope's number, or -1 when the book never counted anything for it */
    private int scopeOf(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return switch (scope.kind()) {
            case EVERYTHING -> Ledger.EVERYTHING;
            case REP -> ledger.scopes.find("R:" + scope.id());
            case TEAM -> ledger.scopes.find("T:" + scope.id());
            case PARTNER -> ledger.scopes.find("P:" + scope.id());
        };
    }

    @Override
    public synchronized List<KpiRow> kpis(Scope scope, KpiQuery query) {
        Objects.requireNonNull(query, "query");
        int s = scopeOf(scope);
        List<KpiRow> rows = new ArrayList<>();
        if (s < 0) {
            return rows;
        }
        Granularity g = query.granularity();
        int from = Keys.period(g, query.from());
        int to = Keys.period(g, query.to());
        long[] slots = new long[Slots.COUNT];
        for (int v : sortedValues(s, query.dimension())) {
            long[] base = stocksBefore(s, v, g, from);
            long active = base[0];
            long dormant = base[1];
            for (int p = from; p <= to; p++) {
                long key = Keys.key(s, v, g.ordinal(), p);
                if (!ledger.cells.read(key, slots)) {
                    continue;
                }
                Map<Kpi, KpiValue> figures = new EnumMap<>(Kpi.class);
                for (Kpi kpi : query.kpis()) {
                    figures.put(kpi, Figures.of(kpi, slots, active, dormant));
                }
                rows.add(new KpiRow(Keys.period(g, p), query.dimension(), ledger.valueName(v), figures));
                active += slots[Slots.ACTIVE_DELTA];
                dormant += slots[Slots.DORMANT_DELTA];
            }
        }
        rows.sort(Comparator.comparing(KpiRow::period).thenComparing(KpiRow::value));
        return rows;
    }

    /** The stocks at the start of period {@code from}: the net changes of every earlier period added up. */
    private long[] stocksBefore(int scope, int value, Granularity g, int from) {
        long active = 0;
        long dormant = 0;
        for (int p = ledger.firstPeriod[g.ordinal()]; p < from; p++) {
            long key = Keys.key(scope, value, g.ordinal(), p);
            active += ledger.cells.get(key, Slots.ACTIVE_DELTA);
            dormant += ledger.cells.get(key, Slots.DORMANT_DELTA);
        }
        return new long[] {active, dormant};
    }

    private int[] sortedValues(int scope, Dimension d) {
        if (d == Dimension.OVERALL) {
            return new int[] {Ledger.OVERALL};
        }
        return ledger.valuesOf(scope, d).toList().toSortedListBy(ledger::valueName).toArray();
    }

    @Override
    public synchronized List<String> values(Scope scope, Dimension dimension) {
        Objects.requireNonNull(dimension, "dimension");
        int s = scopeOf(scope);
        List<String> values = new ArrayList<>();
        if (s >= 0) {
            for (int v : sortedValues(s, dimension)) {
                values.add(ledger.valueName(v));
            }
        }
        return values;
    }

    @Override
    public synchronized Optional<List<LocalDate>> span(Scope scope) {
        int s = scopeOf(scope);
        long[] span = s < 0 ? null : ledger.span(s);
        return span == null ? Optional.empty()
                : Optional.of(List.of(LocalDate.ofEpochDay(span[0]), LocalDate.ofEpochDay(span[1])));
    }

    @Override
    public synchronized List<CustomerRow> customers(Scope scope) {
        List<CustomerRow> rows = new ArrayList<>();
        forEachCustomer(scope, rows::add);
        return rows;
    }

    @Override
    public synchronized void forEachCustomer(Scope scope, Consumer<CustomerRow> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        int s = scopeOf(scope);
        if (s < 0 && scope.kind() == Scope.Kind.PARTNER) {
            return; // never shared anything
        }
        for (CustomerState c : candidates(scope, s)) {
            if (sees(scope, s, c)) { // the indexes narrow the search; this check decides
                visitor.accept(row(scope, c));
            }
        }
    }

    /** The customers a scope may see, in id order, from the indexes (a superset is fine: {@link #sees} decides). */
    private Iterable<CustomerState> candidates(Scope scope, int s) {
        return switch (scope.kind()) {
            case EVERYTHING -> fold.customers.values();
            case REP -> fold.byOwner.getOrDefault(scope.id(), new java.util.TreeMap<>()).values();
            case PARTNER -> fold.byPartner.getOrDefault(s, new java.util.TreeMap<>()).values();
            case TEAM -> {
                List<CustomerState> team = new ArrayList<>();
                ledger.teams.forEach((rep, t) -> {
                    if (t.equals(scope.id()) && fold.byOwner.containsKey(rep)) {
                        team.addAll(fold.byOwner.get(rep).values());
                    }
                });
                team.sort(Comparator.comparing(c -> c.id));
                yield team;
            }
        };
    }

    @Override
    public synchronized Optional<CustomerRow> customer(Scope scope, String customerId) {
        int s = scopeOf(scope);
        CustomerState c = customerId == null ? null : fold.customers.get(customerId);
        return c != null && sees(scope, s, c) ? Optional.of(row(scope, c)) : Optional.empty();
    }

    /**
     * Whether the scope sees the customer now: the one place the customer lists are scoped. A rep or team is
     * matched by name (it may own customers before any fact was counted for it); a partner by its number.
     */
    private boolean sees(Scope scope, int s, CustomerState c) {
        return switch (scope.kind()) {
            case EVERYTHING -> true;
            case REP -> scope.id().equals(c.owner);
            case TEAM -> c.owner != null && scope.id().equals(ledger.teams.get(c.owner));
            case PARTNER -> c.sharedWith(s);
        };
    }

    private CustomerRow row(Scope scope, CustomerState c) {
        boolean shown = scope.personalData();
        return new CustomerRow(c.id, c.stage, c.owner, c.owner == null ? null : ledger.teams.get(c.owner), c.channel,
                c.region, c.segment, Figures.money(c.revenueCents), c.orders, c.lastOrder,
                shown || c.name == null ? c.name : PersonalData.name(c.name),
                shown || c.phone == null ? c.phone : PersonalData.phone(c.phone),
                shown || c.email == null ? c.email : PersonalData.email(c.email));
    }

    @Override
    public ZoneId zone() {
        return ledger.zone;
    }
}
