package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.insights.forecast.Backtest;
import dev.custflow.insights.forecast.ForecastMethod;
import dev.custflow.insights.forecast.PipelineCalibration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The forecast's error as docs/forecast.md states it, computed again: on the real CDNOW history (skipped when
 * ../shared/data/cdnow is absent) and on the demo's simulated company. The page holds the report's text verbatim,
 * so every figure it shows is the code's.
 */
class ForecastRealDataTest {

    private static String docs() throws IOException {
        for (String p : new String[] {"../docs/forecast.md", "docs/forecast.md"}) {
            if (Files.isRegularFile(Path.of(p))) {
                return Files.readString(Path.of(p), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("docs/forecast.md not found from " + Path.of("").toAbsolutePath());
    }

    private static void assertDocsShow(String text) throws IOException {
        String docs = docs();
        for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
            assertThat(docs).as("docs/forecast.md shows the report line by line; the report is now:%n%s", text)
                    .contains(line);
        }
    }

    @Test
    void cdnow_everyMonthFromApril1997IsScored_andTheDocsShowTheErrorTheCodeComputes() throws IOException {
        CdnowHistory history = CdnowHistory.load(TestData.sharedOrSkip("cdnow", ForecastRealDataTest.class));
        ForecastReport r = ForecastReport.ofOrders(history.description(), history.orders(), ZoneOffset.UTC);

        Backtest shipped = r.shipped();
        Backtest naive = r.backtest(ForecastMethod.LAST_MONTH);
        assertThat(shipped.months()).first().extracting(m -> m.month()).isEqualTo(YearMonth.of(1997, 4));
        assertThat(shipped.scoredMonths()).isEqualTo(15); // 1997-04 to 1998-06
        assertThat(shipped.mape()).isBetween(5.0, 100.0);
        assertThat(shipped.mape()).isLessThanOrEqualTo(naive.mape() + 1e-9);
        assertDocsShow(r.toText(Locale.ENGLISH));
    }

    @Test
    void demo_thePipelineIsCalibratedOnWhatClosedLater_andTheDocsShowIt() throws IOException {
        ForecastReport r = ForecastReport.run(CompanySimulator.of(CompanySimulator.Config.ofDefaults()),
                Custflow.builder());

        PipelineCalibration c = r.calibration();
        assertThat(r.opportunities()).isNotEmpty();
        assertThat(c.scored()).isPositive();
        assertThat(c.learnedFrom()).isPositive();
        // the predicted won amount is within half of what was won: a sane bound, the figure is in the docs
        assertThat(Math.abs(c.amountError())).isLessThan(50);
        assertDocsShow(r.toText(Locale.ENGLISH));
    }
}
