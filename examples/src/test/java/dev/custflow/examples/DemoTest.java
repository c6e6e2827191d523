package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.Stage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo on a small simulated company: what it counts matches what went in, and the report says it. */
class DemoTest {
    private static final CompanySimulator SMALL =
            CompanySimulator.of(CompanySimulator.Config.ofDefaults().withCustomers(300));
    private static List<Event> events;
    private static long fed;
    private static DemoReport report;

    @BeforeAll
    static void runTheDemo() {
        try (Stream<Event> s = SMALL.events()) {
            events = s.collect(Collectors.toList());
        }
        report = Demo.builder().batchSize(500).build().run(new EventHistory() { // SMALL, counting what the demo reads
            @Override
            public String description() {
                return SMALL.description();
            }

            @Override
            public java.time.Instant from() {
                return SMALL.from();
            }

            @Override
            public java.time.Instant to() {
                return SMALL.to();
            }

            @Override
            public Stream<Event> events() {
                return SMALL.events().peek(e -> fed++);
            }

            @Override
            public boolean awaitsActions(Event event) {
                return SMALL.awaitsActions(event);
            }

            @Override
            public void heard(List<dev.custflow.action.Action> actions, java.time.Instant readUpTo) {
                SMALL.heard(actions, readUpTo);
            }
        });
    }

    @Test
    void everyEventIsAccepted_theRepsCallsToTheLeadsTheEngineGaveThemToo() {
        assertThat(report.rejected()).as("rejections: %s", report.rejections()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.accepted()).isEqualTo(fed);
        // read alone, the simulation has no reps' calls: nobody gave them leads (nor deadline ticks)
        assertThat(fed).isGreaterThan(events.size());
    }

    @Test
    void everyLeadIsACustomerOfTheEngine_andStartedAsLEAD_butADuplicateIsMergedIntoTheFirst() {
        long captured = events.stream().filter(LeadCaptured.class::isInstance)
                .map(e -> ((LeadCaptured) e).leadId()).distinct().count();
        long merged = report.actionsByTypeAndRule().get("LEADS_MERGED").values().stream().mapToLong(n -> n).sum();
        long comeBack = events.stream().filter(LeadCaptured.class::isInstance)
                .filter(e -> ((LeadCaptured) e).leadId().endsWith("-2")).count();
        assertThat(merged).as("the simulated people who come back through another channel").isEqualTo(comeBack)
                .isPositive();
        long leads = captured - merged;

        assertThat(report.customers()).isEqualTo(leads);
        assertThat(report.conversion().get(0).reached()).isEqualTo(leads);
        assertThat(report.customersPerStage().values().stream().mapToInt(Integer::intValue).sum()
                + report.customersWithoutStage()).isEqualTo(report.customers());
    }

    @Test
    void theScoringPack_letsQualifiedLeadsReachedByARepBecomeProspects() {
        assertThat(report.actionsByTypeAndRule().get("STAGE_CHANGED"))
                .containsKey("lifecycle: qualified lead reached by a rep becomes PROSPECT");
        assertThat(report.conversion().get(1).reached()).isPositive();
    }

    @Test
    void theFunnelNarrowsAlongTheMainPath() {
        List<Integer> reached = report.conversion().stream().map(DemoReport.Conversion::reached)
                .collect(Collectors.toList());

        assertThat(reached.get(0)).isGreaterThan(reached.get(2)); // not every lead buys
        assertThat(reached.get(2)).isGreaterThan(reached.get(3)); // not every customer comes back
        assertThat(reached.get(3)).isGreaterThanOrEqualTo(reached.get(4));
    }

    @Test
    void theReportPrintsStageCounts_conversion_actionsAndExamples() {
        String text = report.toText();

        assertThat(text).startsWith("Custflow demo: simulated company: 300 leads, 2025-01-01 to 2025-12-31, seed 42");
        for (Stage s : Stage.values()) {
            assertThat(text).containsPattern(s.name() + " +" + s.chinese() + " +"
                    + String.format("%,d", report.customersPerStage().get(s)) + " ");
        }
        assertThat(text).contains("Customers per stage (" + report.customers() + ")", "Stage conversion",
                "Actions by type and rule", "Latest examples", "STAGE_CHANGED",
                "lifecycle: captured lead becomes LEAD", "captured from channel");
        assertThat(report.latestExamples().get("STAGE_CHANGED")).hasSize(DemoReport.EXAMPLES_PER_TYPE);
    }

    @Test
    void theSameCompanyGivesTheSameReport_whateverThePartitions() {
        DemoReport twoPartitions = Demo.builder().partitions(2).batchSize(500).build().run(SMALL);

        assertThat(twoPartitions.customersPerStage()).isEqualTo(report.customersPerStage());
        assertThat(twoPartitions.conversion()).isEqualTo(report.conversion());
        assertThat(twoPartitions.actionsByTypeAndRule()).isEqualTo(report.actionsByTypeAndRule());
        assertThat(twoPartitions.latestExamples()).isEqualTo(report.latestExamples());
    }

    @Test
    void everyCustomerWithAnOrder_isInAnRfmSegment_andTheReportListsThem() {
        int segmented = report.customersPerSegment().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(segmented).isPositive();
        assertThat(report.customersPerSegment()).containsKeys(dev.custflow.model.Segment.HIGH_VALUE,
                dev.custflow.model.Segment.POTENTIAL);
        assertThat(report.toText()).contains("Customers per RFM segment", "高价值客户");
    }

    @Test
    void theAssignmentTable_countsWhatTheAssignmentPackDid_perRep() {
        Map<String, DemoReport.RepWork> reps = report.assignmentPerRep();
        assertThat(reps).isNotEmpty();
        long given = reps.values().stream().mapToLong(DemoReport.RepWork::given).sum();
        long reassigned = reps.values().stream().mapToLong(DemoReport.RepWork::reassignedTo).sum();
        long takenAway = reps.values().stream().mapToLong(DemoReport.RepWork::takenAway).sum();
        long escalated = reps.values().stream().mapToLong(DemoReport.RepWork::escalated).sum();

        assertThat(given).isEqualTo(report.actionCount("LEAD_ASSIGNED") + report.actionCount("LEAD_REASSIGNED"));
        assertThat(reassigned).isEqualTo(takenAway).isEqualTo(report.actionCount("LEAD_REASSIGNED"));
        assertThat(escalated).isEqualTo(report.actionCount("SLA_ESCALATED"));
        assertThat(reps.values()).allSatisfy(w -> assertThat(w.inTime() + w.escalated()).isEqualTo(w.given()));
        assertThat(reps.values().stream().mapToLong(DemoReport.RepWork::inTime).sum())
                .as("some leads are answered within 5 minutes").isPositive();
        assertThat(report.toText()).contains("Lead assignment per rep", "duplicate leads merged into an earlier record");
    }
}
