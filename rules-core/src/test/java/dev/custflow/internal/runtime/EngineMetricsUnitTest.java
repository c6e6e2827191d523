package dev.custflow.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.BatchResult;
import dev.custflow.ReloadResult;
import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.action.TagAdded;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EngineMetrics} alone: what one call adds to each meter. */
class EngineMetricsUnitTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EngineMetrics metrics = new EngineMetrics(registry);

    private static Action tag(String id) {
        return new TagAdded(id, Instant.parse("2026-01-05T00:00:00Z"), "r", "because", "c-1", "vip", null);
    }

    @Test
    void anEventCallCountsItsEventsActionsAndTime() {
        Rejection bad = new Rejection(3, "e-3", "OrderPlaced", "amount", "-5", "amount must be positive", "line 3");
        metrics.called(new BatchResult(List.of(tag("a-1"), tag("a-2")), List.of(bad), 4, 1), true, 2_000_000,
                new Partition[0], 17);
        assertThat(registry.get(EngineMetrics.EVENTS).tag("outcome", "applied").counter().count()).isEqualTo(4);
        assertThat(registry.get(EngineMetrics.EVENTS).tag("outcome", "duplicate").counter().count()).isEqualTo(1);
        assertThat(registry.get(EngineMetrics.EVENTS).tag("outcome", "rejected").counter().count()).isEqualTo(1);
        assertThat(registry.get(EngineMetrics.ACTIONS).tag("type", "TAG_ADDED").counter().count()).isEqualTo(2);
        assertThat(registry.get(EngineMetrics.CALLS).tag("kind", "events").timer().totalTime(
                java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(2.0);
        assertThat(registry.get(EngineMetrics.CUSTOMERS).gauge().value()).isEqualTo(17);
    }

    @Test
    void theClockMovingCountsNoEvents() {
        metrics.called(new BatchResult(List.of(tag("a-1")), List.of(), 0, 0), false, 1_000, new Partition[0], 1);
        assertThat(registry.get(EngineMetrics.CALLS).tag("kind", "clock").timer().count()).isEqualTo(1);
        assertThat(registry.get(EngineMetrics.CALLS).tag("kind", "events").timer().count()).isZero();
        assertThat(registry.get(EngineMetrics.EVENTS).tag("outcome", "applied").counter().count()).isZero();
    }

    @Test
    void reloadsByOutcome() {
        metrics.reloaded(ReloadResult.Status.UNCHANGED);
        metrics.reloaded(ReloadResult.Status.UNCHANGED);
        assertThat(registry.get(EngineMetrics.RELOADS).tag("outcome", "unchanged").counter().count()).isEqualTo(2);
    }
}
