package dev.custflow.insights.export;

import static dev.custflow.testdata.Events.order;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.insights.KpiBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small history for the export's and the report's tests: two leads from two channels (one with a name, phone and
 * e-mail) who order every month from January to June 2025, fed through a real engine into a KPI book.
 *
 * @param book     the book
 * @param warnings the churn warnings and late deliveries of the same answers
 */
public record MonthlyBuyers(KpiBook book, WarningLog warnings) {
    /** The end of the history. */
    public static final Instant END = Instant.parse("2025-06-30T23:59:59Z");

    /** @return the history, fed */
    public static MonthlyBuyers fed() {
        List<Event> events = new ArrayList<>();
        events.add(LeadCaptured.builder("e1", Instant.parse("2025-01-02T09:00:00Z"), "c-1", "web")
                .name("王小明").phone("13812348002").email("zhang.san@example.com").build());
        events.add(LeadCaptured.builder("e2", Instant.parse("2025-01-03T09:00:00Z"), "c-2", "fair").build());
        for (int m = 1; m <= 6; m++) {
            events.add(order("o1-" + m, "c-1", String.format("2025-%02d-10", m), 100 * m));
            events.add(order("o2-" + m, "c-2", String.format("2025-%02d-12", m), 50));
        }
        try (Engine engine = Custflow.builder().eventTime().build()) {
            KpiBook book = KpiBook.builder().settings(engine.settings()).build();
            WarningLog warnings = WarningLog.in(engine.settings().timeZone());
            events.forEach(e -> warnings.record(book.accept(engine, e)));
            return new MonthlyBuyers(book, warnings);
        }
    }
}
