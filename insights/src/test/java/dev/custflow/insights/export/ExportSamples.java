package dev.custflow.insights.export;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.CustomerProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small exports for the export's tests: a few KPI figures and customers whose profiles an engine made. */
final class ExportSamples {
    static final Instant AS_OF = Instant.parse("2025-03-31T23:59:59Z");

    private ExportSamples() {
    }

    static List<KpiRow> kpis() {
        return List.of(
                new KpiRow("leads", "month", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-01"), "channel",
                        "web, \"paid\"", 12.0, null, null, "count"),
                new KpiRow("mql_rate", "month", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-01"), "all",
                        KpiRow.ALL, 0.25, 3.0, 12.0, "ratio"),
                new KpiRow("mql_rate", KpiRow.ALL, null, null, "rep", "rep-1", null, 0.0, 0.0, "ratio"),
                new KpiRow("revenue", "month", LocalDate.parse("2025-02-01"), LocalDate.parse("2025-03-01"), "all",
                        KpiRow.ALL, 12345678.9, null, null, "amount"));
    }

    /** @return the profiles of two leads, one with a name, phone and e-mail */
    static List<CustomerProfile> profiles() {
        List<CustomerProfile> profiles = new ArrayList<>();
        try (Engine e = Custflow.builder().eventTime().build()) {
            e.accept(LeadCaptured.builder("e1", Instant.parse("2025-01-02T09:00:00Z"), "c-1", "web")
                    .name("王小明").phone("13812348002").email("zhang.san@example.com").build());
            e.accept(LeadCaptured.builder("e2", Instant.parse("2025-01-03T09:00:00Z"), "c-2", "fair").build());
            e.forEachCustomer(profiles::add);
        }
        profiles.sort(java.util.Comparator.comparing(CustomerProfile::id));
        return profiles;
    }

    static BiExport export(String scope, boolean personalData) {
        List<CustomerRow> rows = profiles().stream().map(p -> CustomerRow.of(p, "east", personalData)).toList();
        return BiExport.of(scope, AS_OF, kpis(), rows);
    }
}
