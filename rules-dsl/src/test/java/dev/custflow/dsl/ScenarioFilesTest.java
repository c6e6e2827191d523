package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.RulePack;
import dev.custflow.test.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading scenario files: the forms, and errors that name file, line and field. */
class ScenarioFilesTest {
    private static final String EVENT = "{type: OrderPlaced, id: e1, at: \"2024-01-01T09:00:00Z\", orderId: o1, "
            + "customerId: C1, amount: 100}";

    @Test
    void oneScenario_withEveryKey() {
        List<Scenario> list = ScenarioFiles.read("""
                name: dormant
                description: what it shows
                packs: [lifecycle]
                settings: {lifecycle.dormantAfterDays: 90}
                given:
                  - %s
                advanceTo: "2024-04-01T08:00:00+08:00"
                expect:
                  - {type: STAGE_CHANGED, customerId: C1, to: DORMANT, params: {x: 1}}
                others: allowed
                """.formatted(EVENT).replace("params: {x: 1}", "from: CUSTOMER"), "s/one.yaml");
        Scenario s = list.get(0);
        assertThat(s.name()).isEqualTo("dormant");
        assertThat(s.source()).isEqualTo("s/one.yaml:1");
        assertThat(s.packs()).isEqualTo(Set.of(RulePack.LIFECYCLE));
        assertThat(s.settings()).containsOnlyKeys("lifecycle.dormantAfterDays");
        assertThat(s.steps()).hasSize(2);
        assertThat(s.steps().get(1).advanceTo()).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
        assertThat(s.othersAllowed()).isTrue();
        assertThat(s.expected().get(0).fields()).containsKeys("customerId", "to", "from");
        assertThat(s.run(null, b -> { }).passed()).isTrue();
    }

    @Test
    void aByteOrderMarkAtTheStart_isIgnored_inJsonAndYaml() {
        String yaml = "name: a\ngiven: [" + EVENT + "]\nexpect: none\nothers: allowed\n";
        String json = "{\"name\":\"a\",\"given\":[{\"type\":\"ClockTick\",\"id\":\"t1\","
                + "\"at\":\"2024-01-01T00:00:00Z\"}],\"expect\":\"none\"}";

        assertThat(ScenarioFiles.read("\uFEFF" + yaml, "a.yaml")).extracting(Scenario::name).containsExactly("a");
        assertThat(ScenarioFiles.read("\uFEFF" + json, "a.json")).extracting(Scenario::source).containsExactly("a.json:1");
    }

    @Test
    void severalScenarios_asAListOrUnderScenarios_withTheirLines() {
        String two = """
                - name: a
                  given: [%s]
                  expect: none
                  others: allowed
                - name: b
                  given: [%s]
                  expect: []
                  others: allowed
                """.formatted(EVENT, EVENT);
        assertThat(ScenarioFiles.read(two, "two.yaml")).extracting(Scenario::source)
                .containsExactly("two.yaml:1", "two.yaml:5");
        assertThat(ScenarioFiles.read("scenarios:\n" + two.indent(2), "s.yaml")).extracting(Scenario::name)
                .containsExactly("a", "b");
    }

    @Test
    void yamlAnchorsAndAliases_meanTheValueTheyName_asYamlSays() {
        String yaml = """
                scenarios:
                  - name: a
                    given: &customer
                      - %s
                    expect: &none []
                    others: allowed
                  - name: b, the same customer
                    given: *customer
                    expect: *none
                    others: allowed
                """.formatted(EVENT);

        List<Scenario> list = ScenarioFiles.read(yaml, "anchors.yaml");

        assertThat(list).extracting(Scenario::name).containsExactly("a", "b, the same customer");
        assertThat(list.get(1).steps()).hasSize(1);
        assertThat(list.get(1).steps().get(0).events()).isEqualTo(list.get(0).steps().get(0).events());
        assertThat(list.get(1).run(null, b -> { }).passed()).isTrue();
    }

    @Test
    void aMergeKey_addsTheNamedMapsFields_thatAreNotWrittenHere() {
        String yaml = """
                - name: m
                  given:
                    - &order {type: OrderPlaced, id: e1, at: "2024-01-01T09:00:00Z", orderId: o1, customerId: C1, amount: 100}
                    - {<<: *order, id: e2, orderId: o2}
                  expect: none
                  others: allowed
                """;

        Scenario s = ScenarioFiles.read(yaml, "merge.yaml").get(0);

        assertThat(s.steps().get(0).events()).hasSize(2);
    }

    @Test
    void anAliasWithoutItsAnchor_isAnErrorNamingTheLine() {
        assertThatThrownBy(() -> ScenarioFiles.read("name: a\ngiven: *nothing\nexpect: none\n", "a.yaml"))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("a.yaml:2")
                .hasMessageContaining("'*nothing' names no anchor above it");
    }

    @Test
    void nestedFieldsOfAnExpectedAction_areComparedOneByOne() {
        Scenario s = ScenarioFiles.read("""
                name: n
                given: [%s]
                expect: [{type: MESSAGE_REQUESTED, params: {percent: 10, code: A}}]
                """.formatted(EVENT), "n.yaml").get(0);
        assertThat(s.expected().get(0).fields()).containsOnlyKeys("params.percent", "params.code");
    }

    @Test
    void errors_nameFileLineAndField() {
        assertThatThrownBy(() -> ScenarioFiles.read("name: x\ngiven: [%s]\nexpect: none\nother: allowed\n"
                .formatted(EVENT), "x.yaml"))
                .hasMessage("x.yaml:4: field 'other': unknown key. Did you mean others?; a scenario has name, "
                        + "description, packs, settings, given, when, advanceTo, steps, expect, others");
        assertThatThrownBy(() -> ScenarioFiles.read("name: x\ngiven: [%s]\n".formatted(EVENT), "x.yaml"))
                .hasMessageStartingWith("x.yaml:1: field 'expect': say what the scenario expects");
        assertThatThrownBy(() -> ScenarioFiles.read("name: x\ngiven: [%s]\nexpect: [{type: STAGE_CHANGE}]\n"
                .formatted(EVENT), "x.yaml"))
                .hasMessageStartingWith("x.yaml:3: field 'expect[1].type' = STAGE_CHANGE: unknown action type. "
                        + "Did you mean STAGE_CHANGED?");
        assertThatThrownBy(() -> ScenarioFiles.read("name: x\ngiven: [%s]\nexpect: [{type: CHURN_WARNING, levle: HIGH}]\n"
                .formatted(EVENT), "x.yaml"))
                .hasMessageStartingWith("x.yaml:3: field 'expect[1].levle': CHURN_WARNING has no field 'levle'. "
                        + "Did you mean level?");
        assertThatThrownBy(() -> ScenarioFiles.read("name: x\npacks: [lifecycles]\ngiven: [%s]\nexpect: none\n"
                .formatted(EVENT), "x.yaml"))
                .hasMessageStartingWith("x.yaml:2: field 'packs' = lifecycles: no such pack. Did you mean lifecycle?");
        assertThatThrownBy(() -> ScenarioFiles.read("""
                name: x
                given:
                  - type: OrderPlaced
                    id: e1
                    at: "2024-01-01T09:00:00Z"
                    orderId: o1
                    customerId: C1
                    amount: -5
                expect: none
                """, "x.yaml"))
                .hasMessageStartingWith("x.yaml:8: field 'given[1].amount' = -5: ")
                .hasMessageEndingWith("(event OrderPlaced \"e1\")");
        assertThatThrownBy(() -> ScenarioFiles.read("name: x\ngiven: [%s\n".formatted(EVENT), "x.yaml"))
                .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ScenarioFiles.read("{\"name\": \"x\", \"given\": 3, \"expect\": \"none\"}", "x.json"))
                .hasMessage("x.json:1: field 'given': must be a list");
    }

    @Test
    void javaForm_ofTheDocsExample_passes() {
        java.nio.file.Path folder = java.nio.file.Path.of("../docs/examples/scenarios");
        // as in docs/scenarios.md, "The same scenario in Java", with the folder's path from this module
        dev.custflow.test.RuleVerifier.forEngine(b -> b.packs(RulePack.LIFECYCLE).rulesFrom(folder))
                .given(dev.custflow.event.OrderPlaced.of("e1", Instant.parse("2024-03-01T09:00:00Z"), "SO-1", "C-1",
                        new java.math.BigDecimal("60000")))
                .when(new dev.custflow.event.TicketOpened("e2", Instant.parse("2024-04-02T10:30:00Z"), "T-1", "C-1",
                        dev.custflow.model.TicketKind.COMPLAINT, null))
                .thenExpectOnly(dev.custflow.test.ExpectedAction.of("TASK_CREATED").with("customerId", "C-1")
                        .with("kind", "CARE_CALL"));
    }
}
