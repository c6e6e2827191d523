package dev.custflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.testdata.ExampleStreams;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine's meters in a host's Micrometer registry (docs/metrics.md): each figure equals what the engine's calls
 * returned, counted once per call.
 */
class EngineMetricsTest {
    private static double count(SimpleMeterRegistry r, String name, String tag, String value) {
        Counter c = r.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    private static Map<String, Double> byTag(SimpleMeterRegistry r, String name, String tag) {
        return r.find(name).counters().stream().collect(Collectors.toMap(c -> c.getId().getTag(tag), Counter::count,
                Double::sum, TreeMap::new));
    }

    @Test
    void actionsByTypeAndEventsMatchWhatTheCallsReturned() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Event> events = ExampleStreams.events("lifecycle.jsonl");
        List<Action> actions = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        try (Engine engine = Custflow.builder().metrics(registry).build()) {
            for (Event e : events) { // one call per event, and each event twice: the second is a duplicate
                BatchResult r = engine.acceptAll(List.of(e, e));
                actions.addAll(r.actions());
                accepted += r.accepted();
                duplicates += r.duplicates();
            }
            actions.addAll(engine.advanceTo(Instant.parse("2027-06-01T00:00:00Z")).actions());
            assertThat(registry.get("custflow.customers").gauge().value()).isEqualTo(engine.customerCount());
        }
        Map<String, Double> expected = actions.stream().collect(Collectors.groupingBy(Action::type, TreeMap::new,
                Collectors.summingDouble(a -> 1)));
        assertThat(byTag(registry, "custflow.actions", "type")).isEqualTo(expected);
        assertThat(count(registry, "custflow.events", "outcome", "applied")).isEqualTo(accepted).isPositive();
        long distinct = events.stream().map(Event::id).distinct().count(); // the file repeats one event itself
        assertThat(count(registry, "custflow.events", "outcome", "duplicate")).isEqualTo(duplicates)
                .isEqualTo(2 * events.size() - distinct);
        assertThat(count(registry, "custflow.events", "outcome", "rejected")).isZero();
        assertThat(registry.get("custflow.calls").tag("kind", "events").timer().count()).isEqualTo(events.size());
        assertThat(registry.get("custflow.calls").tag("kind", "clock").timer().count()).isEqualTo(1);
        // every action came from a rule firing, so every type's rule fired at least once
        assertThat(byTag(registry, "custflow.rule.firings", "rule")).isNotEmpty()
                .allSatisfy((rule, n) -> assertThat(n).isPositive());
    }

    @Test
    void aRejectedEventAndAFailedRuleAreCountedApart() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String drl = """
                package user;
                import dev.custflow.model.Customer;
                global dev.custflow.rules.Actions actions;
                rule "user: fails"
                when
                    $c : Customer( )
                then
                    throw new IllegalStateException("boom");
                end
                """;
        String lead = """
                {"type":"LeadCaptured","id":"e1","at":"2026-03-02T09:00:00Z","leadId":"L-1","channel":"WEB"}""";
        String orderOfNobody = """
                {"type":"OrderStatusChanged","id":"e2","at":"2026-03-02T10:00:00Z","orderId":"O-404","status":"SHIPPED"}""";
        try (Engine engine = Custflow.builder().rules(RuleSource.drl("user.drl", drl)).metrics(registry).build()) {
            BatchResult r = engine.acceptAll(List.of(Json.readEvent(lead), Json.readEvent(orderOfNobody)));
            assertThat(r.rejections()).hasSize(2); // the failed rule, and the order nobody placed
        }
        assertThat(count(registry, "custflow.rule.failures", "rule", "user: fails")).isEqualTo(1);
        assertThat(count(registry, "custflow.rule.firings", "rule", "user: fails")).isEqualTo(1);
        assertThat(count(registry, "custflow.events", "outcome", "rejected")).isEqualTo(1);
        assertThat(count(registry, "custflow.events", "outcome", "applied")).isEqualTo(1);
    }

    @Test
    void reloadsAreCountedByOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Engine engine = Custflow.builder().metrics(registry).build()) {
            engine.reload(List.of(RuleSource.drl("broken.drl", "package user; rule \"x\" when then nope end")));
            engine.reload(List.of(RuleSource.drl("fine.drl", """
                    package user;
                    import dev.custflow.model.Customer;
                    rule "user: sees a customer"
                    when
                        Customer( )
                    then
                    end
                    """)));
        }
        assertThat(count(registry, "custflow.reloads", "outcome", "rejected")).isEqualTo(1);
        assertThat(count(registry, "custflow.reloads", "outcome", "applied")).isEqualTo(1);
        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
                .allMatch(n -> n.startsWith("custflow."));
    }
}
