package dev.custflow.insights.export;

import dev.custflow.insights.CustomerRow;
import dev.custflow.model.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Small exports for the export's tests: a few KPI figures and customers. */
final class ExportSamples {
    static final Instant AS_OF = Instant.parse("2025-03-31T23:59:59Z");

    private ExportSamples() {
    }

    static List<KpiFigure> kpis() {
        return List.of(
                new KpiFigure("leads", "month", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"),
                        "channel", "web, \"paid\"", 12.0, 12.0, null, "count"),
                new KpiFigure("mql_rate", "month", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), "all",
                        KpiFigure.ALL, 0.25, 3.0, 12.0, "ratio"),
                new KpiFigure("mql_rate", KpiFigure.ALL, null, null, "rep", "rep-1", null, 0.0, 0.0, "ratio"),
                new KpiFigure("revenue", "month", LocalDate.parse("2025-02-01"), LocalDate.parse("2025-02-28"), "all",
                        KpiFigure.ALL, 12345678.9, 12345678.9, null, "money"));
    }

    static List<CustomerRow> customers() {
        return List.of(
                new CustomerRow("c-1", Stage.CUSTOMER, "rep-1", "east", "web", "north", "CHAMPIONS",
                        new BigDecimal("1200.50"), 2, Instant.parse("2025-02-03T10:00:00Z"), "王*", "138****8002",
                        "z***@example.com"),
                new CustomerRow("c-2", Stage.LEAD, null, null, "fair", null, null, BigDecimal.ZERO, 0, null, null,
                        null, null));
    }

    static BiExport export(String scope) {
        return BiExport.of(scope, AS_OF, java.time.ZoneOffset.UTC, kpis(), customers());
    }
}
