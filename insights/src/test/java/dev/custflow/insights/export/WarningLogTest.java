package dev.custflow.insights.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.BatchResult;
import dev.custflow.action.Action;
import dev.custflow.action.ChurnWarning;
import dev.custflow.action.DeliveryLate;
import dev.custflow.model.Level;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarningLogTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static BatchResult answer(Action... actions) {
        return new BatchResult(List.of(actions), List.of(), 1, 0);
    }

    private static ChurnWarning warning(String customer, String at, String cause) {
        return new ChurnWarning("w-" + customer + at, Instant.parse(at), "churn: r", "why", customer, cause, Level.HIGH);
    }

    private static DeliveryLate late(String customer, String order, String at) {
        return new DeliveryLate("l-" + order + at, Instant.parse(at), "fulfilment: late", "why", order, customer, 1);
    }

    @Test
    void warnings_countPerMonthOfTheBusinessZone_andCause() {
        WarningLog log = WarningLog.in(SHANGHAI);
        // 2025-01-31 20:00 UTC is already February 1st in Shanghai
        log.record(answer(warning("c1", "2025-01-31T20:00:00Z", "NO_ORDER"), warning("c2", "2025-01-10T00:00:00Z",
                "NO_ORDER"), warning("c2", "2025-01-11T00:00:00Z", "COMPLAINTS")));

        assertThat(log.warningsByCause(c -> true)).containsExactly(
                Map.entry(YearMonth.of(2025, 1), Map.of("NO_ORDER", 1L, "COMPLAINTS", 1L)),
                Map.entry(YearMonth.of(2025, 2), Map.of("NO_ORDER", 1L)));
    }

    @Test
    void lateDeliveries_countEachOrderOnce_inTheMonthItFirstWentLate() {
        WarningLog log = WarningLog.in(ZoneId.of("UTC"));
        log.record(answer(late("c1", "o1", "2025-01-30T00:00:00Z")));
        log.record(answer(late("c1", "o1", "2025-02-06T00:00:00Z"), late("c2", "o2", "2025-02-07T00:00:00Z")));

        assertThat(log.lateDeliveries(c -> true)).containsExactly(Map.entry(YearMonth.of(2025, 1), 1L),
                Map.entry(YearMonth.of(2025, 2), 1L));
    }

    @Test
    void aScope_countsOnlyTheCustomersItSees() {
        WarningLog log = WarningLog.in(ZoneId.of("UTC"));
        log.record(answer(warning("mine", "2025-01-10T00:00:00Z", "NO_ORDER"),
                warning("theirs", "2025-01-10T00:00:00Z", "NO_ORDER"), late("theirs", "o9", "2025-01-12T00:00:00Z")));

        assertThat(log.warningsByCause("mine"::equals)).containsExactly(
                Map.entry(YearMonth.of(2025, 1), Map.of("NO_ORDER", 1L)));
        assertThat(log.lateDeliveries("mine"::equals)).isEmpty();
    }
}
