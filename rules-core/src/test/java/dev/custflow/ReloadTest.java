package dev.custflow;

import static dev.custflow.testdata.Events.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.action.Action;
import dev.custflow.action.StageChanged;
import dev.custflow.action.TaskCreated;
import dev.custflow.model.Stage;
import dev.custflow.settings.Settings;
import dev.custflow.testdata.ReloadRules;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hot reload: new rules and settings swapped in between batches (issue 8, item 7). */
class ReloadTest {

    private static List<String> markers(List<Action> actions) {
        return actions.stream().filter(a -> a instanceof TaskCreated t && t.kind().name().equals(ReloadRules.MARKER_KIND))
                .map(a -> a.rule() + " <- " + a.reason()).toList();
    }

    @Test
    void aRuleAddedMidStream_firesOnlyForLaterEvents_andCustomersKeepTheirState() {
        List<ReloadResult> reported = new ArrayList<>();
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).onReload(reported::add).build()) {
            List<Action> before = e.acceptAll(List.of(order("o1", "C1", "2024-01-01", 100),
                    order("o2", "C2", "2024-01-02", 100))).actions();

            ReloadResult r = e.reload(List.of(ReloadRules.marker(1)));

            List<Action> after = e.acceptAll(List.of(order("o3", "C1", "2024-01-03", 100))).actions();
            assertThat(r.status()).isEqualTo(ReloadResult.Status.APPLIED);
            assertThat(reported).containsExactly(r);
            assertThat(e.ruleNames()).contains("marker: v1 notes every order");
            assertThat(markers(before)).isEmpty();
            assertThat(markers(after)).containsExactly("marker: v1 notes every order <- order:o3");
            // C1 was a CUSTOMER before the reload, with its order: the second order makes it LOYAL
            assertThat(after).filteredOn(a -> a instanceof StageChanged).singleElement()
                    .satisfies(a -> assertThat(((StageChanged) a).from()).isEqualTo(Stage.CUSTOMER));
            assertThat(e.customer("C1").orElseThrow().orderCount()).isEqualTo(2);
            assertThat(e.customer("C1").orElseThrow().stage()).isEqualTo(Stage.LOYAL);
        }
    }

    @Test
    void aReloadThatDoesNotCompile_changesNothing_andReportsFileAndLine() {
        List<ReloadResult> reported = new ArrayList<>();
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).rules(ReloadRules.marker(1))
                .onReload(reported::add).build()) {
            List<String> rulesBefore = e.ruleNames();

            ReloadResult r = e.reload(List.of(ReloadRules.marker(2), ReloadRules.broken()));

            assertThat(r.status()).isEqualTo(ReloadResult.Status.REJECTED);
            assertThat(r.applied()).isFalse();
            assertThat(r.errors()).isNotEmpty().allSatisfy(m -> {
                assertThat(m.file()).isEqualTo("broken.drl");
                assertThat(m.line()).isEqualTo(8);
            });
            assertThat(r.errors().get(0).message()).contains("stagee").contains("did you mean 'stage'");
            assertThat(r.ruleNames()).isEqualTo(rulesBefore);
            assertThat(r.toString()).contains("previous").contains("broken.drl:8:");
            assertThat(reported).containsExactly(r);
            assertThat(e.ruleNames()).isEqualTo(rulesBefore);
            // the old rules keep running
            assertThat(markers(e.accept(order("o1", "C1", "2024-01-01", 100))))
                    .containsExactly("marker: v1 notes every order <- order:o1");
        }
    }

    @Test
    void aReloadedRuleThatCallsSystemExit_isRefusedByTheSandbox_andTheOldRulesKeepRunning() {
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).rules(ReloadRules.marker(1)).build()) {
            ReloadResult r = e.reload(List.of(RuleSource.drl("exit.drl", """
                    package rules.bad;
                    import dev.custflow.model.Customer;
                    rule "bad: stop the host"
                    when
                        $c : Customer( )
                    then
                        System.exit(1);
                    end
                    """)));

            assertThat(r.status()).isEqualTo(ReloadResult.Status.REJECTED);
            assertThat(r.messages()).anySatisfy(m -> assertThat(m.toString()).contains("exit.drl:7")
                    .contains("System.exit"));
            assertThat(e.ruleNames()).doesNotContain("bad: stop the host");
        }
    }

    @Test
    void whatTheHostAllowedBeyondTheSandbox_staysAllowedInReloadedRules() {
        RuleSource usesAMap = RuleSource.drl("map.drl", """
                package rules.map;
                import dev.custflow.model.Customer;
                import java.util.concurrent.ConcurrentHashMap;
                rule "map: count"
                when
                    $c : Customer( )
                then
                    new ConcurrentHashMap<String, Integer>().put($c.getId(), 1);
                end
                """);
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE)
                .allowInRules("java.util.concurrent.ConcurrentHashMap").build()) {
            assertThat(e.reload(List.of(usesAMap)).status()).isEqualTo(ReloadResult.Status.APPLIED);
        }
    }

    @Test
    void reloadingTheSameContent_isUnchanged() {
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).rules(ReloadRules.marker(1)).build()) {
            ReloadResult r = e.reload(List.of(ReloadRules.marker(1)));

            assertThat(r.status()).isEqualTo(ReloadResult.Status.UNCHANGED);
            assertThat(r.messages()).isEmpty();
            assertThat(markers(e.accept(order("o1", "C1", "2024-01-01", 100)))).hasSize(1);
        }
    }

    @Test
    void reloadingAnEmptyList_leavesTheBuiltInPacksAlone() {
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).rules(ReloadRules.marker(1)).build()) {
            ReloadResult r = e.reload(List.of());

            assertThat(r.status()).isEqualTo(ReloadResult.Status.APPLIED);
            assertThat(e.ruleNames()).doesNotContain("marker: v1 notes every order")
                    .contains("lifecycle: first order makes a CUSTOMER");
            List<Action> actions = e.accept(order("o1", "C1", "2024-01-01", 100));
            assertThat(markers(actions)).isEmpty();
            assertThat(actions).hasSize(1).allMatch(a -> a instanceof StageChanged);
        }
    }

    @Test
    void newSettings_applyFromTheNextEvent() {
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).build()) {
            e.accept(order("o1", "C1", "2024-01-01", 100));
            e.accept(order("o2", "C1", "2024-01-02", 100)); // two orders: LOYAL with the default (2)
            assertThat(e.customer("C1").orElseThrow().stage()).isEqualTo(Stage.LOYAL);

            Settings three = Settings.builder().set("lifecycle.loyalMinOrders", 3).build();
            ReloadResult r = e.reload(three);

            assertThat(r.status()).isEqualTo(ReloadResult.Status.APPLIED);
            assertThat(e.settings()).isEqualTo(three);
            e.accept(order("o3", "C2", "2024-01-03", 100));
            assertThat(e.accept(order("o4", "C2", "2024-01-04", 100))).isEmpty(); // two orders are not enough now
            assertThat(e.accept(order("o5", "C2", "2024-01-05", 100))).singleElement()
                    .satisfies(a -> assertThat(((StageChanged) a).to()).isEqualTo(Stage.LOYAL));
            assertThat(e.customer("C1").orElseThrow().stage()).isEqualTo(Stage.LOYAL); // what happened stays
            assertThat(e.reload(three).status()).isEqualTo(ReloadResult.Status.UNCHANGED);
        }
    }

    @Test
    void settingsThatShapedTheEngine_areRefused_naming_theSetting() {
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).build()) {
            Settings elsewhere = Settings.builder().set("timeZone", "Europe/Berlin")
                    .set("lifecycle.loyalMinOrders", 3).build();

            ReloadResult r = e.reload(elsewhere);

            assertThat(r.status()).isEqualTo(ReloadResult.Status.REJECTED);
            assertThat(r.errors()).singleElement().satisfies(m -> assertThat(m.message())
                    .startsWith("setting 'timeZone' cannot change while the engine runs")
                    .contains("build a new engine"));
            assertThat(e.settings()).isEqualTo(Settings.ofDefaults()); // the threshold did not change either
            assertThat(e.settings().timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        }
    }

    @Test
    void aReloadOfAClosedEngine_fails() {
        Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).build();
        e.close();
        assertThatThrownBy(() -> e.reload(List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aListenerThatThrows_doesNotUndoTheReload() {
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).onReload(r -> {
            throw new IllegalStateException("listener bug");
        }).build()) {
            assertThat(e.reload(List.of(ReloadRules.marker(1))).applied()).isTrue();
            assertThat(markers(e.accept(order("o1", "C1", "2024-01-01", 100)))).hasSize(1);
        }
    }
}
