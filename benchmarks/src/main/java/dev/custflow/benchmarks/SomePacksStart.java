package dev.custflow.benchmarks;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Cold start of an engine with some of the built-in packs (leads, lifecycle, churn): build it, make its first
 * decisions, print how many actions the order gave. A row of {@code benchmarks/coldstart}.
 */
public final class SomePacksStart {
    private SomePacksStart() {
    }

    /** @param args not used */
    public static void main(String[] args) {
        try (Engine engine = Custflow.builder().packs(RulePack.LEADS, RulePack.LIFECYCLE, RulePack.CHURN).build()) {
            Instant monday = Instant.parse("2025-03-03T09:00:00Z");
            engine.accept(LeadCaptured.builder("evt-1", monday, "L-1001", "WECHAT").phone("13800138000").build());
            System.out.println(engine.accept(OrderPlaced.of("evt-2", monday.plusSeconds(3_600), "SO-1", "L-1001",
                    new BigDecimal("1280.00"))).size() + " actions");
        }
    }
}
