package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.Level;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The churn calibration on the real CDNOW history (skipped when ../shared/data is absent): high-risk warnings at
 * precision 84.5 % or more and recall 80 % or more on the customers kept apart, every level used, and no cause left
 * on whose lift was below 1 where it was learned.
 */
class ChurnCalibrationRealDataTest {

    @Test
    void cdnow_keptApart_highRiskAtTheTargets_everyLevelUsed_noCauseBelowLiftOne() throws IOException {
        Path folder = TestData.sharedOrSkip("cdnow", ChurnCalibrationRealDataTest.class);
        ChurnCalibration.Result r = ChurnCalibration.builder().seed(42).build()
                .run(CdnowHistory.load(folder).orders(), "CDNOW");
        System.out.print(r.toText());
        System.out.print(r.toYaml());

        ChurnQuality.Row high = r.keptApart().row("level HIGH");
        assertThat(high.precision()).as("HIGH precision on the customers kept apart").isGreaterThanOrEqualTo(0.845);
        assertThat(high.recall()).as("HIGH recall on the customers kept apart").isGreaterThanOrEqualTo(0.80);
        for (Level level : Level.values()) {
            assertThat(r.keptApart().row("level " + level).flagged()).as(level + " used").isPositive();
        }
        assertThat(r.off()).containsKeys("AMOUNT_FALLING", "INTERVAL_LENGTHENING");
        for (ChurnQuality.Row row : r.learning().rows()) {
            assertThat(row.lift()).as(row.cause() + " lift where it was learned").isGreaterThanOrEqualTo(1.0);
        }
        assertThat(r.toYaml()).contains("AMOUNT_FALLING off: lift 0.");
    }
}
