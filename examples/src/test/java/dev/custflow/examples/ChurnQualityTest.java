package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.OrderPlaced;
import dev.custflow.settings.Settings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Measuring the churn rules: warnings open at the cutoff against who ordered again afterwards. */
class ChurnQualityTest {
    private static OrderPlaced order(String id, String customer, String day, int amount) {
        return OrderPlaced.of(id, Instant.parse(day + "T12:00:00Z"), id, customer, BigDecimal.valueOf(amount));
    }

    @Test
    void precisionRecallAndLift_perCause_andForAnyWarning() {
        List<OrderPlaced> orders = List.of(
                order("a1", "A", "1997-01-10", 30), order("a2", "A", "1997-05-01", 20), // quiet, then comes back
                order("a3", "A", "1997-12-01", 20),
                order("b1", "B", "1997-02-01", 30),                                     // gone for good
                order("c1", "C", "1997-09-20", 10), order("c2", "C", "1997-10-15", 10), // active
                order("d1", "D", "1997-09-25", 50));                                    // active, then gone
        ChurnQuality.Report r = ChurnQuality.measure(orders, Instant.parse("1997-10-01T00:00:00Z"),
                Instant.parse("1998-07-01T00:00:00Z"), Settings.ofDefaults());

        assertThat(r.customers()).isEqualTo(4);
        assertThat(r.churned()).isEqualTo(2); // B and D
        assertThat(r.baseRate()).isEqualTo(0.5);
        // A (153 days) and B (242 days) have both no-order warnings; C and D ordered within 30 days
        assertThat(r.rows()).extracting(row -> row.cause() + " " + row.flagged() + "/" + row.churned() + " p="
                        + row.precision() + " r=" + row.recall() + " lift=" + row.lift())
                .containsExactly("NO_ORDER 2/1 p=0.5 r=0.5 lift=1.0", "NO_ORDER_LONG 2/1 p=0.5 r=0.5 lift=1.0",
                        "any warning 2/1 p=0.5 r=0.5 lift=1.0");
        assertThat(r.toMarkdown()).contains("Clock stopped at the end of 1997-09-30",
                "observed to the end of 1998-06-30", "4 customers, 2 (50.0 %) never ordered again",
                "| NO_ORDER | 2 | 1 | 50.0 % | 50.0 % | 1.00 |");
    }

    @Test
    void progress_countsTheOrdersBeforeTheCutoff_andTheFiguresAreTheSame() {
        List<OrderPlaced> orders = List.of(order("a1", "A", "1997-01-10", 30), order("b1", "B", "1997-02-01", 30),
                order("c1", "C", "1997-09-20", 10), order("c2", "C", "1997-10-15", 10));
        Instant cutoff = Instant.parse("1997-10-01T00:00:00Z");
        Instant horizon = Instant.parse("1998-07-01T00:00:00Z");
        RecordedProgress progress = new RecordedProgress();

        ChurnQuality.Report told = ChurnQuality.measure(orders, cutoff, horizon, Settings.ofDefaults(), progress);

        progress.assertRanTo(3); // c2 is after the cutoff: the future, not replayed
        assertThat(told.toMarkdown()).isEqualTo(ChurnQuality.measure(orders, cutoff, horizon, Settings.ofDefaults())
                .toMarkdown());
    }
}
