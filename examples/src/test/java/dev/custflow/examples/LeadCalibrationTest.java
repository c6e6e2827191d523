package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.dsl.SettingsFiles;
import dev.custflow.settings.ScoringSettings;
import dev.custflow.settings.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibration on synthetic leads with a known story (the real file: LeadsRealDataTest). */
class LeadCalibrationTest {
    @TempDir
    static Path dir;

    private static LeadHistory history;
    private static LeadCalibration.Result result;
    private static final RecordedProgress PROGRESS = new RecordedProgress();

    @BeforeAll
    static void calibrate() throws IOException {
        history = LeadHistory.load(SyntheticLeads.write(dir, 3_000, 7));
        result = LeadCalibration.builder().progress(PROGRESS).build().run(history); // seed 42, 70 %
    }

    @Test
    void progress_countsTheKeptApartLeadsEvents_twice() {
        long events;
        try (java.util.stream.Stream<dev.custflow.event.Event> s = result.test().events()) {
            events = s.count();
        }
        PROGRESS.assertRanTo(2 * events);
    }

    @Test
    void weights_followTheStoryTheLeadsTell() {
        ScoringSettings s = result.weights().scoring();

        assertThat(s.attributePoints().get("leadSource").get("Reference"))
                .isGreaterThan(s.attributePoints().get("leadSource").get("Google"))
                .isGreaterThan(0);
        assertThat(s.attributePoints().get("leadSource").get("Olark Chat"))
                .isLessThan(s.attributePoints().get("leadSource").get("Google"));
        assertThat(s.titlePoints().get("Working Professional")).isGreaterThan(s.titlePoints().get("Unemployed"));
        assertThat(s.attributePoints().get("lastActivity").get("Email Bounced"))
                .isLessThan(s.attributePoints().get("lastActivity").get("SMS Sent"));
        List<ScoringSettings.AttributeBand> time = s.attributeBands().get("timeOnSiteSeconds");
        assertThat(time.get(time.size() - 1).points()).isGreaterThan(time.get(1).points());
        // grades are ordered inside 0..100, and the behaviour points are off (the totals are attributes)
        assertThat(s.gradeC()).isPositive().isLessThan(s.gradeB());
        assertThat(s.gradeB()).isLessThan(s.gradeA()).isEqualTo(s.mqlThreshold());
        assertThat(s.gradeA()).isLessThanOrEqualTo(100);
        assertThat(s.behaviourPoints()).isEmpty();
        assertThat(s.timeOnSiteMaxPoints()).isZero();
        // the story has nothing about a specialization or a country: whatever they get, it is small
        assertThat(s.industryPoints().values()).allMatch(p -> Math.abs(p) <= 5);
    }

    @Test
    void theColumnsThatLeakTheOutcome_areNeverRead() {
        // the synthetic Tags and Lead Quality give the outcome away; a file built on them would say so
        assertThat(result.toYaml()).doesNotContain("Horizzon", "Relevance", "Ringing", "Asymmetrique", "02.Medium");
        assertThat(result.calibrated().auc()).isLessThan(0.95);
    }

    @Test
    void theHeldOutLeads_runThroughTheEngine_andTheCalibratedScoresRankThemWell() {
        LeadQuality.Report q = result.calibrated();

        assertThat(result.train().rows()).hasSize(2_100);
        assertThat(q.leads()).isEqualTo(900);
        assertThat(q.scored()).isEqualTo(900);
        assertThat(q.rejected()).isZero();
        assertThat(q.grades()).extracting(LeadQuality.Grade::leads).allMatch(n -> n >= 0)
                .satisfies(n -> assertThat(n.stream().mapToInt(Integer::intValue).sum()).isEqualTo(900));
        assertThat(q.auc()).isGreaterThan(0.75).isGreaterThan(result.defaults().auc());
        assertThat(q.topRate()).isGreaterThan(1.5 * q.baseRate());
        assertThat(q.lift()).isEqualTo(q.topRate() / q.baseRate());
        // the train and test shares split the file
        assertThat(result.train().rows()).doesNotContainAnyElementsOf(result.test().rows());
    }

    @Test
    void theYaml_loadsBackThroughSettingsFiles_unchanged() throws IOException {
        Path file = dir.resolve("lead-scoring.yaml");
        Files.writeString(file, result.toYaml(), StandardCharsets.UTF_8);

        Settings loaded = SettingsFiles.load(file, Settings.ofDefaults());

        assertThat(loaded).isEqualTo(result.weights().settings());
        assertThat(result.toYaml()).startsWith("# Lead scorecard calibrated from past leads by `custflow "
                + "calibrate`").contains("\nscoring:\n", "  basePoints: ", "    leadSource:", "      \"Reference\": ",
                "timeOnSiteSeconds:", "      - {from: 0, points: ");
    }

    @Test
    void theSameSeed_givesTheSameWeights_anotherSeedAnotherSplit() {
        LeadCalibration again = LeadCalibration.builder().seed(42).build();
        LeadCalibration other = LeadCalibration.builder().seed(7).build();
        LeadTable table = LeadTable.of(history);
        List<LeadTable.Row> leads = table.rows();
        List<LeadTable.Feature> features = table.features();

        assertThat(again.calibrate(leads, features).settings()).isEqualTo(again.calibrate(leads, features).settings());
        assertThat(result.weights().settings()).isEqualTo(again.calibrate(result.train().rows(), features).settings());
        assertThat(LeadCalibration.builder().seed(42).trainShare(0.5).build().calibrate(leads.subList(0, 1_500),
                features).settings()).isNotEqualTo(other.calibrate(leads.subList(1_500, 3_000), features).settings());
    }

    @Test
    void theBuilder_checksItsValues() {
        assertThatThrownBy(() -> LeadCalibration.builder().trainShare(1.0))
                .hasMessage("the train share must be above 0 and below 1 (e.g. 0.7), got 1.0");
        assertThatThrownBy(() -> LeadCalibration.builder().minRows(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> LeadCalibration.builder().bands(0)).hasMessageContaining("at least 1");
        LeadTable table = LeadTable.of(history);
        assertThatThrownBy(() -> LeadCalibration.builder().build().calibrate(table.rows().stream()
                .filter(LeadTable.Row::converted).toList(), table.features()))
                .hasMessageContaining("must include some that converted and some that did not");
        assertThatThrownBy(() -> LeadCalibration.builder().trainShare(0.0001).build().run(history))
                .hasMessageContaining("leaves nothing to calibrate on");
    }
}
