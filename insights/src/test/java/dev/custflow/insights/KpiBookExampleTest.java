package dev.custflow.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.action.StageChanged;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.model.OrderStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documented example histories (docs/examples) replayed through an engine with every built-in pack and the
 * book: the book's figures agree with a tally of the engine's own answers, and every breakdown adds up to the whole.
 */
class KpiBookExampleTest {
    private static final KpiQuery ALL_TIME = KpiQuery.of(Granularity.QUARTER, LocalDate.of(2000, 1, 1),
            LocalDate.of(2099, 12, 31));

    @ParameterizedTest
    @ValueSource(strings = {"leads.jsonl", "lifecycle.jsonl", "retention.jsonl", "fulfilment.jsonl"})
    void theBook_agreesWithTheEnginesAnswers_andBreakdownsAddUp(String name) throws IOException {
        Path file = Path.of("..", "docs", "examples", name);
        assumeTrue(Files.exists(file), "the example " + file + " is not there (run from the insights module)");
        Set<String> leads = new HashSet<>();
        Set<String> bought = new HashSet<>();
        Map<String, BigDecimal> orders = new HashMap<>();
        BigDecimal revenue = BigDecimal.ZERO;
        try (Engine engine = Custflow.builder().build()) {
            KpiBook book = KpiBook.builder().settings(engine.settings()).build();
            long n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                Event event;
                try {
                    event = line.isBlank() ? null : Json.readEvent(line, n);
                } catch (EventRejectedException e) {
                    continue;
                }
                if (event == null) {
                    continue;
                }
                BatchResult r = book.accept(engine, event);
                List<Action> actions = new ArrayList<>(r.actions());
                if (r.accepted() == 1) {
                    if (event instanceof LeadCaptured e) {
                        leads.add(e.leadId());
                    } else if (event instanceof OrderPlaced e && orders.putIfAbsent(e.orderId(), e.amount()) == null) {
                        revenue = revenue.add(e.amount());
                    } else if (event instanceof OrderStatusChanged e && (e.status() == OrderStatus.CANCELLED
                            || e.status() == OrderStatus.RETURNED) && orders.get(e.orderId()) != null) {
                        revenue = revenue.subtract(orders.put(e.orderId(), null));
                    }
                }
                actions.stream().filter(a -> a instanceof StageChanged s && s.to().hasBought())
                        .forEach(a -> bought.add(a.customerId()));
            }

            List<KpiRow> overall = book.kpis(Scope.everything(), ALL_TIME);
            assertThat(overall).as("the example has facts").isNotEmpty();
            assertThat(leads.size() + orders.size()).as("the example has leads or orders").isPositive();
            assertThat(sum(overall, Kpi.LEADS)).isEqualByComparingTo(BigDecimal.valueOf(leads.size()));
            assertThat(sum(overall, Kpi.NEW_CUSTOMERS)).isEqualByComparingTo(BigDecimal.valueOf(bought.size()));
            assertThat(sum(overall, Kpi.REVENUE)).isEqualByComparingTo(revenue);
            for (Dimension d : List.of(Dimension.REP, Dimension.TEAM, Dimension.CHANNEL, Dimension.REGION)) {
                List<KpiRow> split = book.kpis(Scope.everything(), ALL_TIME.by(d));
                for (Kpi kpi : List.of(Kpi.LEADS, Kpi.NEW_CUSTOMERS, Kpi.ORDERS, Kpi.REVENUE, Kpi.MQLS)) {
                    assertThat(sum(split, kpi)).as(kpi + " by " + d).isEqualByComparingTo(sum(overall, kpi));
                }
            }
            for (String rep : book.values(Scope.everything(), Dimension.REP)) {
                if (rep.isEmpty()) {
                    continue;
                }
                List<KpiRow> asRep = book.kpis(Scope.rep(rep), ALL_TIME);
                List<KpiRow> repRows = book.kpis(Scope.everything(), ALL_TIME.by(Dimension.REP)).stream()
                        .filter(r -> r.value().equals(rep)).toList();
                for (Kpi kpi : List.of(Kpi.LEADS, Kpi.NEW_CUSTOMERS, Kpi.REVENUE)) {
                    assertThat(sum(asRep, kpi)).as(kpi + " of " + rep).isEqualByComparingTo(sum(repRows, kpi));
                }
                assertThat(book.customers(Scope.rep(rep))).allSatisfy(c -> assertThat(c.rep()).isEqualTo(rep));
            }
        }
    }

    private static BigDecimal sum(List<KpiRow> rows, Kpi kpi) {
        return rows.stream().map(r -> r.get(kpi).numerator()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
