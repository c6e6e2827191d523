package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.insights.forecast.ForecastMethod;
import dev.custflow.testdata.Bundles;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A purchase history's revenue forecast (docs/forecast.md): months summed, the table in both languages. */
class ForecastReportTest {

    private static OrderPlaced order(String id, String at, int amount) {
        return new OrderPlaced(id, Instant.parse(at), id, "c1", BigDecimal.valueOf(amount), "USD",
                List.of(new OrderLine("CD", 1, BigDecimal.valueOf(amount))), null);
    }

    @Test
    void monthlyRevenue_sumsTheOrdersOfEachMonth_inTheGivenZone() {
        List<OrderPlaced> orders = List.of(order("a", "2025-01-10T00:00:00Z", 10), order("b", "2025-01-31T20:00:00Z", 5),
                order("c", "2025-03-02T00:00:00Z", 7));

        assertThat(ForecastReport.monthlyRevenue(orders, ZoneOffset.UTC)).containsExactly(
                org.assertj.core.api.Assertions.entry(YearMonth.of(2025, 1), BigDecimal.valueOf(15)),
                org.assertj.core.api.Assertions.entry(YearMonth.of(2025, 3), BigDecimal.valueOf(7)));
        // 20:00 UTC on January 31 is February 1 in Shanghai
        assertThat(ForecastReport.monthlyRevenue(orders, ZoneId.of("Asia/Shanghai")))
                .containsEntry(YearMonth.of(2025, 2), BigDecimal.valueOf(5));
    }

    @Test
    void theTable_showsEachScoredMonth_theShippedMethodAndTheNaiveBaseline() {
        List<OrderPlaced> orders = new ArrayList<>();
        int[] revenue = {100, 200, 100, 50, 80};
        for (int i = 0; i < revenue.length; i++) {
            orders.add(order("o" + i, String.format(Locale.ROOT, "2025-%02d-15T12:00:00Z", i + 1), revenue[i]));
        }

        ForecastReport r = ForecastReport.ofOrders("five months", orders, ZoneOffset.UTC);
        String en = r.toText(Locale.ENGLISH);
        String zh = r.toText(Locale.SIMPLIFIED_CHINESE);

        // April is forecast from January to March: 100 by the last month; May from April: 50
        assertThat(r.backtest(ForecastMethod.LAST_MONTH).months()).hasSize(2);
        assertThat(en).contains("Revenue forecast: five months").containsPattern("2025-04 +50\\.00 +100\\.00")
                .contains("Mean absolute percentage error over 2 months (2025-04 to 2025-05)")
                .contains("naive baseline " + String.format(Locale.ROOT, "%.1f%%", (100.0 + 37.5) / 2))
                .doesNotContain("pipeline");
        assertThat(zh).contains("收入预测：five months").contains("平均绝对百分比误差").contains("朴素基线 68.8%");
    }

    @Test
    void theChineseTexts_matchTheEnglishOnes() throws IOException {
        Bundles.assertChineseMatchesEnglish("dev/custflow/examples/internal/forecast.properties");
    }
}
