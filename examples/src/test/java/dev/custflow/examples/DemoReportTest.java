package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.custflow.BatchResult;
import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.model.Channel;
import dev.custflow.action.ChurnCleared;
import dev.custflow.action.ChurnWarning;
import dev.custflow.model.Level;
import dev.custflow.action.MessageRequested;
import dev.custflow.action.StageChanged;
import dev.custflow.action.Template;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.model.CustomerProfile;
import dev.custflow.model.Stage;
import dev.custflow.spi.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The report's numbers, counted from hand-made customers and actions. */
class DemoReportTest {
    private static final Instant T0 = Instant.parse("2025-01-06T01:00:00Z");
    private static final DemoReport.Run RUN = new DemoReport.Run("five customers", 9, 1, Duration.ofMillis(1500),
            Duration.ofSeconds(2), ZoneId.of("Asia/Shanghai"));

    /** A customer that went through the given stages, one day apart (the engine's record: the test moves it). */
    private static CustomerProfile customer(String id, Stage... path) {
        CustomerRecord c = new CustomerRecord(id, T0);
        for (int i = 0; i < path.length; i++) {
            c.moveTo(path[i], T0.plus(i, ChronoUnit.DAYS), "test: step " + i);
        }
        return CustomerProfile.of(c);
    }

    private static DemoReport fiveCustomers() {
        return DemoReport.tally()
                .add(customer("A", Stage.LEAD, Stage.PROSPECT, Stage.CUSTOMER, Stage.LOYAL))
                .add(customer("B", Stage.LEAD, Stage.CUSTOMER, Stage.DORMANT)) // bought without being a prospect
                .add(customer("C", Stage.LEAD))
                .add(customer("D")) // known to the engine, no lifecycle evidence
                .add(customer("E", Stage.CUSTOMER, Stage.LOYAL, Stage.ADVOCATE)) // an existing customer, no lead
                .build(RUN);
    }

    private static StageChanged stageChanged(int n, String rule) {
        return new StageChanged("a" + n, T0.plus(n, ChronoUnit.HOURS), rule, "reason " + n, "C" + n, Stage.LEAD,
                Stage.PROSPECT);
    }

    @Test
    void customersPerStage_countsTheCurrentStage_everyStageListed() {
        DemoReport r = fiveCustomers();

        assertThat(r.customers()).isEqualTo(5);
        assertThat(r.customersPerStage()).containsOnlyKeys(Stage.values())
                .containsEntry(Stage.LEAD, 1).containsEntry(Stage.PROSPECT, 0).containsEntry(Stage.LOYAL, 1)
                .containsEntry(Stage.ADVOCATE, 1).containsEntry(Stage.DORMANT, 1).containsEntry(Stage.CUSTOMER, 0);
        assertThat(r.customersWithoutStage()).isEqualTo(1);
    }

    @Test
    void conversion_countsWhoWasEverInAStage_andWhoWentOnFromThePreviousOne() {
        List<DemoReport.Conversion> funnel = fiveCustomers().conversion();

        assertThat(funnel).extracting(DemoReport.Conversion::stage).containsExactlyElementsOf(DemoReport.MAIN_PATH);
        assertThat(funnel).extracting(DemoReport.Conversion::reached).containsExactly(3, 1, 3, 2, 1);
        // B skipped PROSPECT but went further: it counts as having gone on from LEAD
        assertThat(funnel.get(1).wentOn()).isEqualTo(2);
        assertThat(funnel.get(1).rate()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(funnel.get(2).rate()).isEqualTo(1.0); // A, the only prospect, bought
        assertThat(funnel.get(3).rate()).isCloseTo(2 / 3.0, within(1e-9)); // A and E of A, B, E
        assertThat(funnel.get(4).rate()).isEqualTo(0.5); // E of A and E
        assertThat(funnel.get(0).rate()).isNaN();
    }

    @Test
    void sideStates_areCountedAsEverReached() {
        assertThat(fiveCustomers().everInStage()).containsEntry(Stage.DORMANT, 1).containsEntry(Stage.DISQUALIFIED, 0)
                .containsEntry(Stage.CUSTOMER, 3);
    }

    @Test
    void actions_areCountedByTypeAndRule_largestFirst() {
        DemoReport.Tally t = DemoReport.tally();
        IntStream.range(0, 3).forEach(i -> t.add(stageChanged(i, "lifecycle: rare")));
        IntStream.range(3, 8).forEach(i -> t.add(stageChanged(i, "lifecycle: common")));
        DemoReport r = t.build(RUN);

        assertThat(r.actions()).isEqualTo(8);
        assertThat(r.actionCount("STAGE_CHANGED")).isEqualTo(8);
        assertThat(r.actionCount("CHURN_WARNING")).isZero();
        assertThat(r.actionsByTypeAndRule().get("STAGE_CHANGED")).containsExactly(
                org.assertj.core.api.Assertions.entry("lifecycle: common", 5L),
                org.assertj.core.api.Assertions.entry("lifecycle: rare", 3L));
    }

    @Test
    void latestExamples_areTheFiveMostRecentOfEachType_newestFirst() {
        DemoReport.Tally t = DemoReport.tally();
        List<Action> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(stageChanged(i, "lifecycle: any"));
        }
        t.add(new BatchResult(all, List.of(), 12, 0));

        assertThat(t.build(RUN).latestExamples().get("STAGE_CHANGED")).extracting(Action::id)
                .containsExactly("a11", "a10", "a9", "a8", "a7");
    }

    @Test
    void rejections_areAllCounted_theFirstFiveKept() {
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rejections.add(new Rejection(i, "e" + i, "OrderPlaced", "amount", "-1", "negative", "line " + i + ": bad"));
        }
        DemoReport r = DemoReport.tally().add(new BatchResult(List.of(), rejections, 3, 2)).build(RUN);

        assertThat(r.rejected()).isEqualTo(7);
        assertThat(r.accepted()).isEqualTo(3);
        assertThat(r.duplicates()).isEqualTo(2);
        assertThat(r.rejections()).extracting(Rejection::line).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(r.eventsPerSecond()).isEqualTo(1.5); // 3 events in 2 s
    }

    @Test
    void text_showsStagesWithChineseLabels_theFunnel_actionsAndExamplesWithReasons() {
        DemoReport.Tally t = DemoReport.tally().add(customer("A", Stage.LEAD, Stage.PROSPECT))
                .add(customer("B", Stage.LEAD));
        t.add(stageChanged(1, "lifecycle: qualified lead reached by a rep becomes PROSPECT"));
        String text = t.build(RUN).toText();

        assertThat(text).contains("Custflow demo: five customers")
                .containsPattern("LEAD +潜在客户 +1 +50\\.0%")
                .containsPattern("PROSPECT +意向客户 +1 +50\\.0%")
                .contains("Stage conversion")
                .containsPattern("PROSPECT +意向客户 +1 +50\\.0%\\n  CUSTOMER")
                .contains("Actions by type and rule (1)")
                .containsPattern("STAGE_CHANGED +1\\n {4}lifecycle: qualified lead reached by a rep becomes "
                        + "PROSPECT +1")
                // the example, in the report's zone (02:00Z is 10:00 in Shanghai), with its reason and own fields
                .contains("2025-01-06 10:00  C1", "reason 1  {from=LEAD, to=PROSPECT}")
                .doesNotContain("Rejected events");
    }

    @Test
    void churnWarnings_areCountedByCauseAndLevel_andMessagesByTemplate_andWhatTheGateHeldBack() {
        DemoReport r = DemoReport.tally()
                .add(new ChurnWarning("w1", T0, "churn: x", "why", "A", "NO_ORDER", Level.MEDIUM))
                .add(new ChurnWarning("w2", T0, "churn: x", "why", "B", "NO_ORDER", Level.MEDIUM))
                .add(new ChurnWarning("w3", T0, "churn: y", "why", "B", "COMPLAINTS", Level.HIGH))
                .add(new ChurnCleared("c1", T0, "churn: z", "why", "A", "NO_ORDER"))
                .add(new MessageRequested("m1", T0, "marketing: x", "why", "A", Channel.EMAIL, Template.WIN_BACK,
                        java.util.Map.of()))
                .add(new AuditEntry(T0, "m2", "MESSAGE_REQUESTED", "B", "marketing: x", "why", "e1",
                        AuditEntry.Outcome.SUPPRESSED, "customer opted out of EMAIL", null))
                .add(new AuditEntry(T0, "m3", "MESSAGE_REQUESTED", "B", "marketing: x", "why", "e1",
                        AuditEntry.Outcome.EMITTED, null, null))
                .build(RUN);

        assertThat(r.churnByCause()).containsOnlyKeys("COMPLAINTS", "NO_ORDER");
        assertThat(r.churnByCause().get("NO_ORDER")).containsExactly(0, 2, 0, 1);
        assertThat(r.churnByCause().get("COMPLAINTS")).containsExactly(0, 0, 1, 0);
        assertThat(r.messagesSent()).containsExactly(java.util.Map.entry("WIN_BACK by EMAIL", 1L));
        assertThat(r.heldBack()).containsExactly(
                java.util.Map.entry("MESSAGE_REQUESTED suppressed: customer opted out of EMAIL", 1L));
        assertThat(r.toText()).contains("Churn warnings by cause and level", "Messages sent", "Held back by the policy gate");
    }

    private static CustomerProfile lead(String id, String channel, Stage... path) {
        CustomerRecord c = new CustomerRecord(id, T0);
        c.apply(dev.custflow.event.LeadCaptured.builder("lead:" + id, T0, id, channel).phone("13800000000").build());
        for (int i = 0; i < path.length; i++) {
            c.moveTo(path[i], T0.plus(i, ChronoUnit.DAYS), "test: step " + i);
        }
        return CustomerProfile.of(c);
    }

    @Test
    void assignmentPerMonth_countsCapturesAssignmentsAndTheLeadsWaitingAtEachMonthsEnd_perRouteToo() {
        Instant jan7 = Instant.parse("2025-01-07T01:00:00Z");
        Instant feb3 = Instant.parse("2025-02-03T01:00:00Z");
        Instant feb10 = Instant.parse("2025-02-10T01:00:00Z");
        Instant end = Instant.parse("2025-02-28T16:00:00Z"); // 1 March, midnight in Shanghai
        DemoReport r = DemoReport.tally()
                .add(new StageChanged("c1", T0, "lifecycle: x", "why", "A", null, Stage.LEAD))
                .add(new dev.custflow.action.LeadAssigned("a1", T0, "assignment: x", "why", "A", "rep-1", "REGION",
                        List.of("rep-1")))
                .add(new StageChanged("c2", jan7, "lifecycle: x", "why", "B", null, Stage.LEAD))
                .add(new dev.custflow.action.LeadWaiting("w2", jan7, "assignment: x", "why", "B", "by-region"))
                .add(new StageChanged("c3", feb3, "lifecycle: x", "why", "C", null, Stage.LEAD))
                .add(new dev.custflow.action.LeadWaiting("w3", feb3, "assignment: x", "why", "C", "round-robin"))
                .add(new dev.custflow.action.LeadAssigned("a2", feb10, "assignment: x", "why", "B", "rep-1", "REGION",
                        List.of("rep-1")))
                .build(RUN, locale -> List.of("how the reps work"), end);

        assertThat(r.assignmentPerMonth()).containsExactly(
                new DemoReport.Month(java.time.YearMonth.of(2025, 1), 2, 1, 1, Duration.ofDays(24).plusHours(15)),
                new DemoReport.Month(java.time.YearMonth.of(2025, 2), 1, 1, 1, Duration.ofDays(25).plusHours(15)));
        assertThat(r.assignmentPerMonth().get(0).assignedShare()).isEqualTo(0.5);
        assertThat(r.waitingPerRoute()).containsExactly(
                java.util.Map.entry("by-region", new DemoReport.RouteWait("by-region", 1, 0, Duration.ZERO,
                        Duration.ofDays(34))),
                java.util.Map.entry("round-robin", new DemoReport.RouteWait("round-robin", 1, 1,
                        Duration.ofDays(25).plusHours(15), Duration.ZERO)));
        assertThat(r.toText()).contains("how the reps work")
                .containsPattern("2025-01 +2 +1 +50\\.0% +1 +24 d 15 h")
                .containsPattern("round-robin +1 +1 +25 d 15 h +-");
    }

    @Test
    void leadFunnel_countsPerChannelTheLeadsThatEverReachedEachStep() {
        DemoReport.Tally t = DemoReport.tally().mqlThreshold(50)
                .add(new dev.custflow.action.LeadScored("s1", T0, "scoring: x", "why", "A", 60, "B", 60, 0))
                .add(new dev.custflow.action.LeadScored("s2", T0, "scoring: x", "why", "B", 40, "C", 40, 0))
                .add(new dev.custflow.action.OpportunityCreated("o1", T0, "opportunity: x", "why", "A", "OPP-A-1", null,
                        "WEBSITE", null, 60, T0, 3));
        DemoReport r = t.add(lead("A", "WEBSITE", Stage.LEAD, Stage.PROSPECT, Stage.CUSTOMER))
                .add(lead("B", "WEBSITE", Stage.LEAD))
                .add(lead("C", "WECHAT", Stage.LEAD, Stage.CUSTOMER)) // a first order: no MQL, no opportunity
                .add(customer("D", Stage.CUSTOMER)) // no channel: an order history, not a lead
                .build(RUN);

        assertThat(r.leadFunnel()).containsOnlyKeys("WEBSITE", "WECHAT");
        assertThat(r.leadFunnel().get("WEBSITE")).containsExactly(2, 1, 1, 1, 1);
        // C skipped PROSPECT: the funnel counts leads ever in it, as the stage conversion does (issue 17.9)
        assertThat(r.leadFunnel().get("WECHAT")).containsExactly(1, 0, 0, 0, 1);
        assertThat(r.toText()).contains("Lead funnel by channel")
                .containsPattern("WEBSITE +2 +1 \\(50\\.0%\\) +1 \\(50\\.0%\\)")
                .containsPattern("all +3 +1 \\(33\\.3%\\)");
    }
}
