package dev.custflow.examples;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The README's embedding example: build an engine, tell it what happened, act on what it answers.
 * {@code EmbeddingExampleTest} runs it, so the snippet in the README always works.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    /** @param args not used */
    public static void main(String[] args) {
        try (Engine engine = Custflow.builder().build()) {
            Instant monday = Instant.parse("2025-03-03T09:00:00Z");
            List<Event> events = List.of(
                    LeadCaptured.builder("evt-1", monday, "L-1001", "WECHAT").name("王芳").phone("13800138000").build(),
                    OrderPlaced.of("evt-2", monday.plusSeconds(3_600), "SO-1", "L-1001", new BigDecimal("1280.00")));
            for (Event event : events) {
                for (Action action : engine.accept(event)) { // also delivered to the ActionSink, if one is set
                    System.out.println(action.type() + " " + action.customerId() + ": " + action.reason()
                            + " [" + action.rule() + "]");
                }
            }
        }
    }
}
