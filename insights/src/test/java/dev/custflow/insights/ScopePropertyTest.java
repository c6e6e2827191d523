package dev.custflow.insights;

import static dev.custflow.insights.Facts.assigned;
import static dev.custflow.insights.Facts.feed;
import static dev.custflow.insights.Facts.reassigned;
import static dev.custflow.insights.Facts.time;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.RepUpdated;
import dev.custflow.event.SurveyAnswered;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random histories and random scopes, no result contains a customer, or a figure derived from a customer,
 * outside the scope: the scoped figures equal those computed from only the facts the scope may see, by a model
 * written independently of the book (docs/kpis.md, "Scopes").
 */
class ScopePropertyTest {
    private static final Instant START = LocalDate.of(2026, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final String PHONE = "13912345678";

    /** One step of a history: {@code kind} picks what happens, the rest say to whom. */
    record Step(int kind, int customer, int rep, int team, int partner, int amount, int hoursLater) {
    }

    /** The facts a scope may see, kept by the model: totals per scope key, and per scope key and rep. */
    private static final class Model {
        final Map<String, String> owner = new HashMap<>();
        final Map<String, String> team = new HashMap<>();
        final Map<String, Set<String>> shares = new HashMap<>();
        final Set<String> known = new TreeSet<>();
        final Set<String> leads = new HashSet<>();
        final Map<String, long[]> totals = new HashMap<>();
        final Map<String, long[]> perRep = new HashMap<>();

        List<String> scopesOf(String c) {
            List<String> keys = new ArrayList<>(List.of("*"));
            String rep = owner.get(c);
            if (rep != null) {
                keys.add("R:" + rep);
                if (team.get(rep) != null) {
                    keys.add("T:" + team.get(rep));
                }
            }
            shares.getOrDefault(c, Set.of()).forEach(p -> keys.add("P:" + p));
            return keys;
        }

        /** Slots: 0 leads, 1 orders, 2 revenue, 3 NPS answers, 4 promoters - detractors. */
        void count(String c, int slot, long delta) {
            for (String key : scopesOf(c)) {
                totals.computeIfAbsent(key, k -> new long[5])[slot] += delta;
                perRep.computeIfAbsent(key + "|" + owner.getOrDefault(c, ""), k -> new long[5])[slot] += delta;
            }
        }

        boolean sees(Scope scope, String c) {
            String rep = owner.get(c);
            return switch (scope.kind()) {
                case EVERYTHING -> true;
                case REP -> scope.id().equals(rep);
                case TEAM -> rep != null && scope.id().equals(team.get(rep));
                case PARTNER -> shares.getOrDefault(c, Set.of()).contains(scope.id());
            };
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(1, 500), Arbitraries.integers().between(0, 400))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<Scope> scopes() {
        // "t0" is also a rep's name and "r0" a team's: kinds must not mix
        Arbitrary<Scope> scope = Arbitraries.oneOf(
                Arbitraries.of("r0", "r1", "r2", "r3", "t0", "nobody").map(Scope::rep),
                Arbitraries.of("t0", "t1", "r0", "nobody").map(Scope::team),
                Arbitraries.of("p0", "p1", "r1").map(Scope::partner),
                Arbitraries.just(Scope.everything()));
        return Combinators.combine(scope, Arbitraries.of(true, false))
                .as((s, granted) -> granted ? s.withPersonalData() : s);
    }

    @Property(tries = 300)
    void noResultShowsACustomerOrAFigureOutsideTheScope(@ForAll("histories") List<Step> history,
                                                        @ForAll("scopes") Scope scope) {
        KpiBook book = KpiBook.builder().build();
        Model model = new Model();
        String[] reps = {"r0", "r1", "r2", "t0"};
        String[] teams = {"t0", "t1", "r0"};
        Instant at = START;
        int n = 0;
        for (Step s : history) {
            at = at.plusSeconds(3600L * s.hoursLater());
            String c = "c" + s.customer();
            String rep = reps[s.rep()];
            String id = "e" + n++;
            switch (s.kind()) {
                case 0 -> { // a rep joins a team or moves
                    model.team.put(rep, teams[s.team()]);
                    feed(book, new RepUpdated(id, at, rep, null, teams[s.team()], null, null, null, null, null));
                }
                case 1 -> { // a lead, assigned at once or not
                    model.known.add(c);
                    boolean assign = s.amount() % 2 == 0;
                    if (assign) {
                        model.owner.put(c, rep);
                    }
                    if (model.leads.add(c)) {
                        model.count(c, 0, 1);
                    }
                    LeadCaptured lead = LeadCaptured.builder(id, at, c, "WEBSITE").phone(PHONE).name("张三").build();
                    if (assign) {
                        feed(book, lead, assigned(c, at.toString(), rep));
                    } else {
                        feed(book, lead);
                    }
                }
                case 2 -> { // the customer moves to another rep
                    model.known.add(c);
                    model.owner.put(c, rep);
                    time(book, reassigned(c, at.toString(), rep));
                }
                case 3, 4 -> { // an order
                    model.known.add(c);
                    model.count(c, 1, 1);
                    model.count(c, 2, s.amount());
                    feed(book, OrderPlaced.of(id, at, "o" + id, c, BigDecimal.valueOf(s.amount())));
                }
                case 5 -> { // a survey
                    model.known.add(c);
                    int nps = s.amount() % 11;
                    model.count(c, 3, 1);
                    model.count(c, 4, nps >= 9 ? 1 : nps <= 6 ? -1 : 0);
                    feed(book, new SurveyAnswered(id, at, c, nps, null, null));
                }
                case 6 -> { // shared with a partner
                    model.known.add(c);
                    model.shares.computeIfAbsent(c, k -> new HashSet<>()).add("p" + s.partner());
                    book.share("p" + s.partner(), c, at);
                }
                default -> { // no longer shared
                    if (model.shares.containsKey(c) && model.shares.get(c).remove("p" + s.partner())) {
                        book.unshare("p" + s.partner(), c, at);
                    }
                }
            }
        }

        // customer lists: exactly the customers the scope sees now, personal data only when granted
        List<String> expected = model.known.stream().filter(c -> model.sees(scope, c)).toList();
        List<CustomerRow> rows = book.customers(scope);
        assertThat(rows).extracting(CustomerRow::id).containsExactlyElementsOf(expected);
        for (CustomerRow row : rows) {
            if (!scope.personalData()) {
                assertThat(row.phone()).isNotEqualTo(PHONE);
                assertThat(row.name()).isNotEqualTo("张三");
            }
        }
        for (String c : model.known) {
            assertThat(book.customer(scope, c).isPresent()).isEqualTo(model.sees(scope, c));
        }

        // figures: equal to the model's, summed over the months of the history
        String key = switch (scope.kind()) {
            case EVERYTHING -> "*";
            case REP -> "R:" + scope.id();
            case TEAM -> "T:" + scope.id();
            case PARTNER -> "P:" + scope.id();
        };
        KpiQuery all = KpiQuery.of(Granularity.MONTH, LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31));
        assertThat(sums(book.kpis(scope, all))).containsExactly(model.totals.getOrDefault(key, new long[5]));
        for (String rep : book.values(scope, Dimension.REP)) {
            List<KpiRow> repRows = book.kpis(scope, all.by(Dimension.REP)).stream()
                    .filter(r -> r.value().equals(rep)).toList();
            assertThat(sums(repRows)).containsExactly(model.perRep.get(key + "|" + rep));
        }
    }

    private static long[] sums(List<KpiRow> rows) {
        long[] s = new long[5];
        for (KpiRow r : rows) {
            s[0] += r.get(Kpi.LEADS).numerator().longValueExact();
            s[1] += r.get(Kpi.ORDERS).numerator().longValueExact();
            s[2] += r.get(Kpi.REVENUE).numerator().longValueExact();
            s[3] += r.get(Kpi.NPS).denominator().longValueExact();
            s[4] += r.get(Kpi.NPS).numerator().longValueExact();
        }
        return s;
    }
}
