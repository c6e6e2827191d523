package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.examples.TestData;
import org.junit.jupiter.api.Test;

/** {@code custflow forecast} through the command line's own entry point, as bin/custflow runs it. */
class ForecastCommandTest {
    private static final String FIXTURE = TestData.CDNOW_FIXTURE.getParent().toString();

    @Test
    void forecast_isACommandOfTheCli() {
        assertThat(Main.capture("--help").out()).containsPattern("forecast +Forecasts each month's revenue");
    }

    @Test
    void forecast_withCdnow_printsEachMonthAgainstWhatHappened_andTheErrors() {
        Main.Result run = Main.capture("forecast", "--cdnow", FIXTURE);

        assertThat(run.code()).as(run.err()).isZero();
        // 22 purchases from 1997-01 to 1998-05: forecast from 1997-04, months without a purchase not scored
        assertThat(run.out()).startsWith("Revenue forecast: CDNOW purchase history: 22 purchases by 7 customers")
                .containsPattern("1997-04 +[0-9.,]+ +[0-9.,]+ +[0-9.]+%")
                .containsPattern("1997-07 +0\\.00 +[0-9.,]+ +- ")
                .contains("Mean absolute percentage error over ", "naive baseline ", "Forecast for 1998-06: ")
                .doesNotContain("Weighted pipeline");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void forecast_inChinese_hasTheSameFigures() {
        Main.Result en = Main.capture("forecast", "--cdnow", FIXTURE);
        Main.Result zh = Main.capture("forecast", "--cdnow", FIXTURE, "--locale", "zh-CN");

        assertThat(zh.code()).as(zh.err()).isZero();
        assertThat(zh.out()).startsWith("收入预测：CDNOW").contains("平均绝对百分比误差", "朴素基线");
        // the monthly rows are figures only: the same in both languages
        assertThat(zh.out().lines().filter(l -> l.matches("^199\\d-\\d\\d +[0-9].*")).toList())
                .isEqualTo(en.out().lines().filter(l -> l.matches("^199\\d-\\d\\d +[0-9].*")).toList());
    }

    @Test
    void forecast_ofAMissingFile_saysSo() {
        Main.Result run = Main.capture("forecast", "--cdnow", "no/such/folder");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("custflow forecast: ").contains("no/such/folder");
    }

    @Test
    void forecast_ofTheSimulatedCompany_addsTheWeightedPipeline() {
        Main.Result run = Main.capture("forecast", "--customers", "300", "--quiet");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Revenue forecast: simulated company: 300 leads")
                .contains("Weighted pipeline at 2025-07-02", "Expected revenue ", "Calibration on the opportunities");
    }
}
