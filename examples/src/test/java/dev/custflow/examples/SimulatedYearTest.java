package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default demo: a year of a 3,000-lead company, fully accepted, with customers in every stage. */
class SimulatedYearTest {
    private static DemoReport report;

    @BeforeAll
    static void runTheDefaultDemo() { // about 45 s on a quiet machine: what `bin/custflow demo` shows
        report = Demo.builder().build().run(CompanySimulator.of(CompanySimulator.Config.ofDefaults()));
    }

    /** Issue 17.1: leads lost or gone quiet free their reps, so assignment no longer starves at the year's end. */
    @Test
    void everyMonth_assignsAtLeast70PercentOfTheLeadsCapturedInIt_andSaysHowManyWait() {
        assertThat(report.assignmentPerMonth()).hasSize(12).allSatisfy(m -> assertThat(m.assignedShare())
                .as("%s: %s assigned of %s captured", m.month(), m.assigned(), m.captured())
                .isGreaterThanOrEqualTo(0.7));
        assertThat(report.toText()).contains("Lead assignment per month", "2025-12", "oldest waiting", "(no rep)");
    }

    /** Issue 17.9: the simulated reps answer the leads the engine gives them, reassigned ones too. */
    @Test
    void everyRep_answersSomeLeadsInTime_andTheReportSaysWhenTheyWork() {
        assertThat(report.assignmentPerRep().values()).allSatisfy(w -> assertThat(w.inTime())
                .as("%s answered in time", w.repId()).isPositive());
        assertThat(report.toText()).contains("Monday to Friday, 09:00-18:00 Asia/Shanghai");
    }

    @Test
    void defaultCompany_isFullyAccepted_andHasCustomersInEveryLifecycleStage() {

        assertThat(report.rejected()).as("rejections: %s", report.rejections()).isZero();
        // DISQUALIFIED too: the junk leads (placeholders, no phone) have no way to be contacted
        assertThat(report.customersPerStage()).allSatisfy((stage, customers) ->
                assertThat(customers).as(stage.name()).isPositive());
        assertThat(report.actionsByTypeAndRule().get("LEAD_DISQUALIFIED"))
                .containsKey("lifecycle: a lead with no way to contact it is DISQUALIFIED");
        // a few customers who lapsed came back: dormancy is a state customers leave; the sales team lost leads (LOST),
        // others went quiet and were recycled to marketing (NURTURE): both are in every-stage above
        assertThat(report.actionsByTypeAndRule().get("STAGE_CHANGED"))
                .containsKey("lifecycle: a new order wakes a DORMANT customer");
    }
}
