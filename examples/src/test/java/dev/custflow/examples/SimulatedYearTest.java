package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.Stage;
import org.junit.jupiter.api.Test;

/** The default demo: a year of a 3,000-lead company, fully accepted, with customers in every stage. */
class SimulatedYearTest {

    @Test
    void defaultCompany_isFullyAccepted_andHasCustomersInEveryLifecycleStage() {
        DemoReport report = Demo.builder().build().run(CompanySimulator.of(CompanySimulator.Config.ofDefaults()));

        assertThat(report.rejected()).as("rejections: %s", report.rejections()).isZero();
        assertThat(report.customersPerStage()).allSatisfy((stage, customers) -> {
            if (stage != Stage.DISQUALIFIED) { // no built-in rule disqualifies leads yet
                assertThat(customers).as(stage.name()).isPositive();
            }
        });
        // a few customers who lapsed came back: dormancy is a state customers leave
        assertThat(report.actionsByTypeAndRule().get("STAGE_CHANGED"))
                .containsKey("lifecycle: a new order wakes a DORMANT customer");
    }
}
