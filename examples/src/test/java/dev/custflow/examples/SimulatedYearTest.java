package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default demo: a year of a 3,000-lead company, fully accepted, with customers in every stage. */
class SimulatedYearTest {

    @Test
    void defaultCompany_isFullyAccepted_andHasCustomersInEveryLifecycleStage() {
        DemoReport report = Demo.builder().build().run(CompanySimulator.of(CompanySimulator.Config.ofDefaults()));

        assertThat(report.rejected()).as("rejections: %s", report.rejections()).isZero();
        // DISQUALIFIED too: the junk leads (placeholders, no phone) have no way to be contacted
        assertThat(report.customersPerStage()).allSatisfy((stage, customers) ->
                assertThat(customers).as(stage.name()).isPositive());
        assertThat(report.actionsByTypeAndRule().get("LEAD_DISQUALIFIED"))
                .containsKey("lifecycle: a lead with no way to contact it is DISQUALIFIED");
        // a few customers who lapsed came back: dormancy is a state customers leave
        assertThat(report.actionsByTypeAndRule().get("STAGE_CHANGED"))
                .containsKey("lifecycle: a new order wakes a DORMANT customer");
    }
}
