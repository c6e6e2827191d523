package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.dsl.SettingsFiles;
import dev.custflow.settings.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration on the real leads (../shared/data/leads beside the project, or {@code
 * -Dcustflow.data=DIR}); skipped with a message where the data is not there. Issue 20 asks for AUC
 * 0.90 or more and a Brier score of 0.125 or less on the leads kept apart, as the engine scores them
 * (seed 42 measured AUC 0.901, Brier 0.122; docs/lead-scoring.md), so a change which makes the
 * scorecard worse fails here.
 */
class LeadsRealDataTest {
    @TempDir
    Path dir;

    private static Path leadsFolder() {
        return TestData.sharedOrSkip("leads", LeadsRealDataTest.class);
    }

    @Test
    void theWholeFileLoads_asDocumented() throws IOException {
        LeadHistory leads = LeadHistory.load(leadsFolder());

        // the data set's README: 9,240 leads, 3,561 converted
        assertThat(leads.leads()).hasSize(9_240);
        assertThat(leads.converted()).isEqualTo(3_561);
    }

    @Test
    void calibratedOnSeventyPercent_theEngineRanksTheOtherThirtyWell_andTheSameSeedGivesTheSameFigures()
            throws IOException {
        LeadHistory leads = LeadHistory.load(leadsFolder());
        LeadCalibration calibration = LeadCalibration.builder().seed(42).trainShare(0.7).build();

        LeadCalibration.Result first = calibration.run(leads);
        LeadCalibration.Result again = calibration.run(leads);
        System.out.print(first.toText());

        LeadQuality.Report q = first.calibrated();
        assertThat(q.leads()).isEqualTo(2_772);
        assertThat(q.scored()).isEqualTo(2_772);
        assertThat(q.rejected()).isZero();
        // issue 20: AUC >= 0.90 and Brier <= 0.125 on the kept-apart leads, as the engine scores them
        assertThat(q.auc()).isGreaterThanOrEqualTo(0.90);
        assertThat(q.brier()).isLessThanOrEqualTo(0.125);
        assertThat(q.topRate()).isGreaterThan(2 * q.baseRate());
        // grades mean something: each converts less than the one above, near the rate its scores predict
        assertThat(q.grades()).extracting(LeadQuality.Grade::grade).containsExactly("A", "B", "C", "D");
        for (int i = 1; i < q.grades().size(); i++) {
            assertThat(q.grades().get(i).rate()).isLessThan(q.grades().get(i - 1).rate());
        }
        for (LeadQuality.Grade g : q.grades()) {
            assertThat(Math.abs(g.predicted() - g.rate())).as("grade %s predicted against actual", g.grade())
                    .isLessThan(0.08);
        }
        // the default tables know nothing of these leads: calibration is what makes the difference
        assertThat(first.defaults().auc()).isLessThan(0.7);
        // reproducible: the same seed, the same weights and the same figures, to the last digit
        assertThat(again.calibrated().auc()).isEqualTo(q.auc());
        assertThat(again.calibrated().topRate()).isEqualTo(q.topRate());
        assertThat(again.toYaml()).isEqualTo(first.toYaml());

        Path file = dir.resolve("lead-scoring.yaml");
        Files.writeString(file, first.toYaml(), StandardCharsets.UTF_8);
        assertThat(SettingsFiles.load(file, Settings.ofDefaults())).isEqualTo(first.weights().settings());
    }
}
