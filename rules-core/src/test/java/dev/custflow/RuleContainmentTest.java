package dev.custflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.event.Event;
import dev.custflow.testdata.ExampleStreams;
import dev.custflow.settings.Settings;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A user rule that fails costs no other rule an action (issue 16, item 2): whatever it does (throws, loops, recurses
 * without end, asks for a huge array or string), its firing is stopped and reported with the rule, the customer, the
 * event and why, and every other rule's actions, for that event and every later one, are exactly those of the same
 * replay without it. The example files of docs/examples run through the built-in packs, with and without the rule.
 */
class RuleContainmentTest {
    /** A short budget, so a rule that loops costs the test little; nothing here depends on the machine's speed. */
    private static final Settings FAST = Settings.builder().set("limits.ruleTimeBudgetMillis", 50).build();

    private record Run(List<String> actions, List<Rejection> rejections) {
    }

    private static Run replay(String file, String userRule) throws IOException {
        List<Event> events = ExampleStreams.events(file);
        EngineBuilder b = Custflow.builder().settings(FAST);
        if (userRule != null) {
            b.rules(RuleSource.drl("user.drl", userRule));
        }
        try (Engine e = b.build()) {
            BatchResult r = e.acceptAll(events);
            return new Run(r.actions().stream().map(Json::write).toList(), r.rejections());
        }
    }

    private static String rule(String when, String then) {
        return """
                package user;
                import dev.custflow.model.Customer;
                import dev.custflow.action.TaskKind;
                global dev.custflow.rules.Actions actions;
                function int deeper(int n) { return deeper(n + 1) + 1; }
                rule "user: fails"
                when
                    $c : Customer( %s )
                then
                    %s
                end
                """.formatted(when, then);
    }

    private static Run assertContained(String file, String when, String then) throws IOException {
        Run without = replay(file, null);
        Run with = replay(file, rule(when, then));
        assertThat(with.actions()).as("every built-in action, in order, as without the failing rule")
                .isEqualTo(without.actions());
        assertThat(with.rejections()).isNotEmpty().allSatisfy(x -> assertThat(x.message())
                .contains("rule \"user: fails\" failed for customer "));
        return with;
    }

    @ParameterizedTest
    @ValueSource(strings = {"leads.jsonl", "lifecycle.jsonl", "retention.jsonl", "fulfilment.jsonl"})
    void aRuleThatThrowsForEveryCustomer_costsTheBuiltInPacksNoAction(String file) throws IOException {
        // it emits a task first: a failed firing's actions are dropped with it
        Run with = assertContained(file, "", """
                actions.createTask($c, TaskKind.CARE_CALL, null, "half done");
                if ($c.getId().length() > 0) { throw new IllegalStateException("no rule for " + $c.getId()); }
                """);
        assertThat(with.actions()).noneMatch(a -> a.contains("half done"));
        assertThat(with.rejections()).allSatisfy(x -> assertThat(x.message()).contains("IllegalStateException: no rule for"));
    }

    @Test
    void aRuleThatThrowsForOneCustomer_isReportedWithTheCustomerEventAndMessage() throws IOException {
        Run with = assertContained("lifecycle.jsonl", "id == \"L-1001\", orderCount == 2",
                "int x = 1 / ($c.getOrderCount() - 2);");
        // once per evaluation (a failed rule does not fire again for the same event), from the second order on
        assertThat(with.rejections().get(0).eventId()).isEqualTo("ev-3");
        assertThat(with.rejections()).extracting(Rejection::message).doesNotHaveDuplicates();
        assertThat(with.rejections()).allSatisfy(x -> assertThat(x.message())
                .contains("failed for customer L-1001").contains("ArithmeticException: / by zero"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"leads.jsonl", "lifecycle.jsonl", "retention.jsonl", "fulfilment.jsonl"})
    void aRuleThatChangedTheCustomerBeforeFailing_leavesNoTrace(String file) throws IOException {
        // a tag, a stage and a score, then the failure: the customer is put back as it was before the firing, so
        // every later decision is that of a run without the rule
        Run with = assertContained(file, "", """
                actions.addTag($c, "vip", "an important customer");
                actions.changeStage($c, dev.custflow.model.Stage.DORMANT, "half done");
                actions.scoreLead($c, 99, "A", 99, 0, "half done");
                if ($c.getId() != null) { throw new IllegalStateException("after the changes"); }
                """);
        assertThat(with.actions()).noneMatch(a -> a.contains("\"vip\"") || a.contains("half done"));
        assertThat(with.rejections()).allSatisfy(x -> assertThat(x.message())
                .contains("IllegalStateException: after the changes").doesNotContain("already changed"));
    }

    @Test
    void aRuleThatLoopsForever_isStoppedByItsTimeBudget() throws IOException {
        Run with = assertContained("lifecycle.jsonl", "id == \"L-1001\"", "while ($c.getId() != null) { }");
        assertThat(with.rejections()).allSatisfy(x -> assertThat(x.message())
                .contains("stopped after its time budget of 50 ms (setting limits.ruleTimeBudgetMillis)"));
    }

    @Test
    void aRuleThatSwallowsBeingStopped_isStillReported() throws IOException {
        Run with = assertContained("lifecycle.jsonl", "id == \"L-1001\"", """
                try { while ($c.getId() != null) { } } finally { if ($c.getId() != null) { return; } }
                """);
        assertThat(with.rejections()).allSatisfy(x -> assertThat(x.message())
                .contains("went on after being stopped"));
    }

    @Test
    void aConditionThatCallsALoopingFunction_isStopped_andTheStreamGoesOn() throws IOException {
        String drl = """
                package user;
                import dev.custflow.model.Customer;
                function boolean spins(String id) { while (id != null) { } return false; }
                rule "user: spins in a condition"
                when
                    $c : Customer( id == "L-1001", spins(id) )
                then
                end
                """;
        Run without = replay("lifecycle.jsonl", null);
        Run with = replay("lifecycle.jsonl", drl);
        assertThat(with.rejections()).isNotEmpty().allSatisfy(x -> assertThat(x.message())
                .contains("customer L-1001").contains("stopped after its time budget of 50 ms"));
        assertThat(with.actions()).as("the other customers' actions").containsAll(without.actions().stream()
                .filter(a -> !a.contains("L-1001")).toList());
    }

    @Test
    void aRecursionWithoutEnd_isContained() throws IOException {
        Run with = assertContained("lifecycle.jsonl", "id == \"L-1001\"", "int d = deeper(0);");
        assertThat(with.rejections()).allSatisfy(x -> assertThat(x.message()).contains("StackOverflowError"));
    }

    @Test
    void aHugeArray_isRefusedWhenAsked() throws IOException {
        Run with = assertContained("lifecycle.jsonl", "id == \"L-1001\"", "long[] a = new long[Integer.MAX_VALUE - 8];");
        assertThat(with.rejections()).allSatisfy(x -> assertThat(x.message())
                .contains("an array of 2147483639 elements, more than the 1000000 a rule may have"));
    }

    @Test
    void aHugeString_isRefusedWhenAsked() throws IOException {
        Run with = assertContained("lifecycle.jsonl", "id == \"L-1001\"",
                "String s = \"ab\".repeat(Integer.MAX_VALUE / 2);");
        assertThat(with.rejections()).allSatisfy(x -> assertThat(x.message())
                .contains("a string of 2147483646 characters"));
    }

    @Test
    void aHugeCollection_isRefusedWhenAsked() throws IOException {
        Run with = assertContained("lifecycle.jsonl", "id == \"L-1001\"",
                "java.util.List<Long> l = new java.util.ArrayList<>(Integer.MAX_VALUE);");
        assertThat(with.rejections()).allSatisfy(x -> assertThat(x.message()).contains("a size of 2147483647"));
    }

    @Test
    void catchingThrowableOrError_isRefusedAtLoad_evenWhenTheHostAllowsTheClasses() {
        String drl = rule("", """
                try { int d = deeper(0); } catch (Throwable t) { }
                try { int d = deeper(0); } catch (StackOverflowError e) { }
                """);
        assertThatThrownBy(() -> Custflow.builder().rules(RuleSource.drl("user.drl", drl)).build())
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("user.drl:10:39: error: rules may not use Throwable");
        assertThatThrownBy(() -> Custflow.builder().allowInRules("java.lang.Throwable", "java.lang.StackOverflowError")
                .rules(RuleSource.drl("user.drl", drl)).build())
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("user.drl:10:0: error: the rule \"user: fails\" uses a catch of java.lang.Throwable, "
                        + "which rules may not use (the engine stops a rule that runs too long")
                .hasMessageContaining("user.drl:11:0: error: the rule \"user: fails\" uses a catch of "
                        + "java.lang.StackOverflowError");
    }
}
