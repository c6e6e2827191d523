package dev.custflow;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.status;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.action.Action;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Stage;
import dev.custflow.spi.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The engine's semantics that every pack relies on (issue: foundation, item 5). */
class EngineTest {

    private static Engine engine() {
        return Custflow.builder().packs(RulePack.LIFECYCLE).build();
    }

    @Test
    void duplicateEventId_isIgnored() {
        try (Engine e = engine()) {
            assertThat(e.accept(order("o1", "C1", "2024-01-01", 10))).hasSize(1);
            BatchResult again = e.acceptAll(List.of(order("o1", "C1", "2024-01-01", 10)));
            assertThat(again.actions()).isEmpty();
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(e.customer("C1").orElseThrow().orderCount()).isEqualTo(1);
        }
    }

    @Test
    void orderStatus_findsItsCustomerFromTheOrder() {
        try (Engine e = engine()) {
            e.accept(order("o1", "C1", "2024-01-01", 10));
            BatchResult r = e.acceptAll(List.of(status("o1", OrderStatus.SHIPPED, "2024-01-02")));
            assertThat(r.rejections()).isEmpty();
            assertThat(r.accepted()).isEqualTo(1);
        }
    }

    @Test
    void orderStatus_ofAnUnknownOrder_isRejectedAndChangesNothing() {
        try (Engine e = engine()) {
            e.accept(order("o1", "C1", "2024-01-01", 10));
            assertThatThrownBy(() -> e.accept(status("nope", OrderStatus.SHIPPED, "2024-12-01")))
                    .isInstanceOf(EventRejectedException.class)
                    .hasMessageContaining("field 'orderId' = nope")
                    .hasMessageContaining("Send its customerId with the event");
            // the rejected event did not move the clock: nothing went dormant
            assertThat(e.clock()).isEqualTo(at("2024-01-01"));
            assertThat(e.customer("C1").orElseThrow().stage()).isEqualTo(Stage.CUSTOMER);
        }
    }

    @Test
    void orderPlacedTwice_withAnotherEventId_isRejected() {
        try (Engine e = engine()) {
            e.accept(order("o1", "C1", "2024-01-01", 10));
            var again = dev.custflow.event.OrderPlaced.of("other-id", at("2024-01-02"), "o1", "C1",
                    java.math.BigDecimal.TEN);
            assertThatThrownBy(() -> e.accept(again)).hasMessageContaining("already placed");
        }
    }

    @Test
    void actions_goToTheSink_andTheAuditTrail() {
        List<Action> delivered = new ArrayList<>();
        List<AuditEntry> audited = new ArrayList<>();
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).actionSink(delivered::addAll)
                .auditLog(audited::add).build()) {
            List<Action> returned = e.accept(lead("L1", "2024-01-01", "WEBSITE"));
            assertThat(delivered).isEqualTo(returned);
            assertThat(audited).singleElement().satisfies(a -> {
                assertThat(a.rule()).isEqualTo("lifecycle: captured lead becomes LEAD");
                assertThat(a.reason()).isEqualTo("captured from channel WEBSITE");
                assertThat(a.cause()).isEqualTo("lead:L1@2024-01-01");
                assertThat(a.outcome()).isEqualTo(AuditEntry.Outcome.EMITTED);
            });
            assertThat(e.auditTrail("L1")).isEqualTo(audited);
        }
    }

    @Test
    void timeRuleActions_haveTheDueTimeAsCause_soTheyAreStableWhateverWokeThem() {
        try (Engine byTick = engine(); Engine byEvent = engine()) {
            byTick.accept(order("o1", "C1", "2024-01-01", 10));
            byEvent.accept(order("o1", "C1", "2024-01-01", 10));
            Action viaTick = byTick.advanceTo(at("2024-06-29")).actions().get(0);
            Action viaEvent = byEvent.accept(tick("2024-06-29")).get(0);
            assertThat(viaTick.id()).isEqualTo(viaEvent.id());
            assertThat(byTick.auditTrail("C1").get(1).cause()).isEqualTo("due@2024-06-29T09:00:00Z");
        }
    }

    @Test
    void dailyTick_wakesOnlyCustomersThatAreDue() {
        try (Engine e = engine()) {
            List<dev.custflow.event.Event> orders = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                orders.add(order("o" + i, "C" + i, i < 2 ? "2024-01-01" : "2024-05-01", 10));
            }
            e.acceptAll(orders);
            BatchResult r = e.advanceTo(at("2024-06-29"));
            assertThat(r.actions()).extracting(Action::customerId).containsExactly("C0", "C1");
            // the other 198 are still waiting for their own day, nobody else was looked at
            assertThat(((dev.custflow.internal.runtime.DefaultEngine) e).dueCount()).isEqualTo(198);
        }
    }

    @Test
    void wallClockMode_takesTimeFromTheClock_notFromEvents() {
        // a clock that moves only when told to (rules-test's ManualClock; this module cannot depend on it)
        AtomicReference<Instant> now = new AtomicReference<>(at("2024-01-01"));
        InstantSource clock = now::get;
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).clock(clock).build()) {
            e.accept(order("o1", "C1", "2024-01-01", 10));
            e.accept(order("o2", "C2", "2030-01-01", 10)); // an event's own time does not move a wall clock
            assertThat(e.clock()).isEqualTo(at("2024-01-01"));
            now.set(now.get().plus(Duration.ofDays(179)));
            assertThat(e.advanceTo(clock.instant()).actions()).isEmpty();
            now.set(now.get().plus(Duration.ofDays(1)));
            assertThat(e.advanceTo(clock.instant()).actions()).singleElement()
                    .extracting(Action::customerId).isEqualTo("C1");
        }
    }

    @Test
    void brokenRuleFile_isReportedWithFileLineAndColumn_andNothingIsBuilt() {
        String drl = """
                package user;
                import dev.custflow.model.Customer;

                rule "user: misspelled field"
                when
                    $c : Customer( stagee == null )
                then
                end
                """;
        assertThatThrownBy(() -> Custflow.builder().rules(RuleSource.drl("my-rules/extra.drl", drl)).build())
                .isInstanceOfSatisfying(RuleCompilationException.class, ex -> {
                    RuleMessage m = ex.messages().get(0);
                    assertThat(m.file()).isEqualTo("my-rules/extra.drl");
                    assertThat(m.line()).isEqualTo(6);
                    assertThat(m.column()).isEqualTo(20);
                    assertThat(m.severity()).isEqualTo(RuleMessage.Severity.ERROR);
                    assertThat(m.toString()).startsWith("my-rules/extra.drl:6:20: error: ").contains("stagee");
                });
    }

    @Test
    void syntaxError_isReportedWithItsLine() {
        String drl = "package user;\nrule \"x\"\nwhen\n  eval(true\nthen\nend\n";
        assertThatThrownBy(() -> Custflow.builder().rules(RuleSource.drl("x.drl", drl)).build())
                .isInstanceOfSatisfying(RuleCompilationException.class,
                        ex -> assertThat(ex.messages()).anySatisfy(m -> {
                            assertThat(m.file()).isEqualTo("x.drl");
                            assertThat(m.line()).isBetween(4, 5);
                            assertThat(m.column()).isPositive();
                        }));
    }

    @Test
    void userRule_withTheNameOfABuiltInRule_replacesIt() {
        String drl = """
                package user;
                import dev.custflow.model.Customer;
                import dev.custflow.model.Stage;
                global dev.custflow.rules.Actions actions;
                rule "lifecycle: captured lead becomes LEAD"
                when
                    $c : Customer( stage == null, channel == "WECHAT" )
                then
                    actions.changeStage($c, Stage.LEAD, "WeChat leads only");
                end
                """;
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).rules(RuleSource.drl("override.drl", drl)).build()) {
            assertThat(e.accept(lead("L1", "2024-01-01", "WEBSITE"))).isEmpty();
            assertThat(e.accept(lead("L2", "2024-01-01", "WECHAT"))).singleElement()
                    .extracting(Action::reason).isEqualTo("WeChat leads only");
            assertThat(e.ruleNames()).containsOnlyOnce("lifecycle: captured lead becomes LEAD");
        }
    }

    @Test
    void ruleThatThrows_isReported_andTheStreamGoesOn() {
        String drl = """
                package user;
                import dev.custflow.model.Customer;
                rule "user: divides by zero"
                when
                    $c : Customer( orderCount == 2 )
                then
                    int x = 1 / ($c.getOrderCount() - 2);
                end
                """;
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).rules(RuleSource.drl("bad.drl", drl)).build()) {
            BatchResult r = e.acceptAll(List.of(order("o1", "C1", "2024-01-01", 1), order("o2", "C1", "2024-01-02", 1),
                    order("o3", "C2", "2024-01-03", 1)));
            assertThat(r.rejections()).singleElement().satisfies(x -> {
                assertThat(x.eventId()).isEqualTo("order:o2");
                assertThat(x.message()).contains("rule \"user: divides by zero\" failed for customer C1")
                        .contains("ArithmeticException");
            });
            assertThat(e.customer("C2").orElseThrow().stage()).isEqualTo(Stage.CUSTOMER);
        }
    }

    @Test
    void ruleLoop_isStoppedAndReported() {
        String drl = """
                package user;
                import dev.custflow.model.Customer;
                rule "user: loops forever"
                when
                    $c : Customer( )
                then
                    update($c);
                end
                """;
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).rules(RuleSource.drl("loop.drl", drl)).build()) {
            BatchResult r = e.acceptAll(List.of(order("o1", "C1", "2024-01-01", 1)));
            assertThat(r.rejections()).singleElement().extracting(Rejection::message).asString()
                    .contains("rule loop").contains("user: loops forever");
        }
    }

    @Test
    void unknownTicketResolution_namesTheTicket() {
        try (Engine e = engine()) {
            BatchResult r = e.acceptAll(List.of(new dev.custflow.event.TicketResolved("r1", at("2024-01-01"), "T9",
                    true, null)));
            assertThat(r.rejections()).singleElement().satisfies(x -> {
                assertThat(x.field()).isEqualTo("ticketId");
                assertThat(x.value()).isEqualTo("T9");
            });
        }
    }

    @Test
    void statusWithCustomerId_ofAnotherCustomersOrder_isRejected() {
        try (Engine e = engine()) {
            e.accept(order("o1", "C1", "2024-01-01", 10));
            assertThatThrownBy(() -> e.accept(new OrderStatusChanged("s", at("2024-01-02"), "o1", OrderStatus.SHIPPED,
                    null, "C2"))).hasMessageContaining("belongs to customer C1");
        }
    }
}
