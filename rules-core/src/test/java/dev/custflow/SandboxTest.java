package dev.custflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.event.LeadCaptured;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * User rules may use only the fact model, the action builders and harmless JDK classes: anything else fails to
 * load, with the file, line, column and the reason (docs/rules.md, "The sandbox").
 */
class SandboxTest {
    /** Five lines: the rule's {@code then} block starts on line 11 of the file. */
    private static final String HEADER = """
            package my.rules;

            import dev.custflow.model.Customer;
            global dev.custflow.rules.Actions actions;

            """;

    /** A rule whose consequence is {@code code}, on line 10 of the file. */
    private static String ruleCalling(String code) {
        return HEADER + """
                rule "sandbox: a rule"
                when
                    $c : Customer( )
                then
                    %s
                end
                """.formatted(code);
    }

    private static List<String> rejected(String drl, Consumer<EngineBuilder> options) {
        EngineBuilder b = Custflow.builder().packs().rules(RuleSource.drl("r.drl", drl));
        options.accept(b);
        try (Engine ignored = b.build()) {
            throw new AssertionError("the rules loaded, but should have been rejected");
        } catch (RuleCompilationException e) {
            return e.messages().stream().filter(m -> m.message().startsWith("rules may not"))
                    .map(RuleMessage::toString).toList();
        }
    }

    private static List<String> rejected(String drl) {
        return rejected(drl, b -> { });
    }

    @Test
    void systemExit_isRejectedAtItsLine() {
        assertThat(rejected(ruleCalling("System.exit(1);"))).containsExactly(
                "r.drl:10:5: error: rules may not call System.exit: it would stop the host");
    }

    @Test
    void systemGetenvInACondition_isRejectedAtItsLine() {
        String drl = HEADER + """
                rule "sandbox: reads the environment"
                when
                    $c : Customer( id == System.getenv("BOSS") )
                then
                    actions.addTag($c, "boss", "the boss");
                end
                """;
        assertThat(rejected(drl)).containsExactly("r.drl:8:26: error: rules may not call System.getenv: the host's "
                + "environment is not the rules' business: put values in settings");
    }

    @Test
    void files_areRejected_whetherImportedOrFullyQualified() {
        String drl = HEADER.replace("import dev.custflow.model.Customer;",
                "import dev.custflow.model.Customer;\nimport java.nio.file.Files;") + """
                rule "sandbox: writes a file"
                when
                    $c : Customer( )
                then
                    Files.writeString(java.nio.file.Path.of("x"), $c.getId());
                    new java.io.File("y").delete();
                end
                """;
        List<String> errors = rejected(drl);
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).startsWith("r.drl:4:8: error: rules may not import java.nio.file.Files: files and "
                + "channels belong to the host. Rules read the fact model and act through actions and schedule; a "
                + "host can allow more classes (docs/rules.md#the-sandbox)");
        assertThat(errors.get(1)).startsWith("r.drl:11:5: error: rules may not call java.nio.file.Files.writeString: "
                + "files and channels belong to the host.");
        assertThat(errors.get(2)).startsWith("r.drl:11:23: error: rules may not call java.nio.file.Path.of: ");
        assertThat(errors.get(3)).startsWith("r.drl:12:9: error: rules may not use java.io.File: files and streams "
                + "belong to the host.");
    }

    @Test
    void processes_areRejected() {
        assertThat(rejected(ruleCalling("Runtime.getRuntime().exec(\"rm -rf /\");"))).containsExactly(
                "r.drl:10:5: error: rules may not call Runtime.getRuntime: Runtime starts processes and stops the "
                        + "host. Rules read the fact model and act through actions and schedule; a host can allow "
                        + "more classes (docs/rules.md#the-sandbox)",
                "r.drl:10:26: error: rules may not call exec: it starts processes on the host");
        assertThat(rejected(ruleCalling("new ProcessBuilder(\"ls\").start();"))).singleElement().asString()
                .startsWith("r.drl:10:9: error: rules may not use ProcessBuilder: it starts processes on the host.");
    }

    @Test
    void reflectionAndClassLoading_areRejected_evenFromAStringName() {
        assertThat(rejected(ruleCalling("Class.forName(\"java.lang.\" + \"Runtime\");"))).containsExactly(
                "r.drl:10:5: error: rules may not call Class.forName: class loading gets around the sandbox");
        assertThat(rejected(ruleCalling("$c.getClass().getClassLoader();"))).containsExactly(
                "r.drl:10:8: error: rules may not call $c.getClass: reflection gets around the sandbox",
                "r.drl:10:19: error: rules may not call getClassLoader: class loading gets around the sandbox");
        assertThat(rejected(ruleCalling("Object o = java.lang.reflect.Array.newInstance(String.class, 1);")))
                .containsExactly("r.drl:10:16: error: rules may not call java.lang.reflect.Array.newInstance: reflection "
                        + "gets around the sandbox", "r.drl:10:59: error: rules may not use String.class: reflection "
                        + "gets around the sandbox");
    }

    @Test
    void threads_areRejected() {
        assertThat(rejected(ruleCalling("new Thread(() -> { }).start();"))).singleElement().asString()
                .startsWith("r.drl:10:9: error: rules may not use Thread: threads run outside the engine's partitions");
    }

    @Test
    void network_isRejected() {
        assertThat(rejected(ruleCalling("new java.net.Socket(\"example.com\", 80).close();"))).singleElement()
                .asString().startsWith("r.drl:10:9: error: rules may not use java.net.Socket: network access belongs "
                        + "to the host's connectors.");
    }

    @Test
    void unicodeEscapes_doNotHideANameFromTheCheck() {
        assertThat(rejected(ruleCalling("\\u0053ystem.exit(1);"))).singleElement().asString()
                .startsWith("r.drl:10:5: error: rules may not call System.exit");
    }

    @Test
    void theEngineSession_isOffLimits() {
        assertThat(rejected(ruleCalling("drools.getKieRuntime().halt();"))).first().asString().isEqualTo(
                "r.drl:10:12: error: rules may not call drools.getKieRuntime: the engine's session belongs to Custflow: "
                        + "act through actions and schedule");
    }

    @Test
    void theFactModelAndHarmlessJdkClasses_load_andCommentsAndStringsAreNotCode() {
        String drl = """
                package my.rules;

                import dev.custflow.model.*;
                import java.math.BigDecimal;
                import java.time.Duration;
                import java.util.*;
                global dev.custflow.rules.Actions actions;
                global dev.custflow.rules.Schedule schedule;

                // System.exit(1) in a comment is not a call
                rule "sandbox: allowed"
                when
                    $c : Customer( stage == Stage.LEAD, totalSpent.compareTo(BigDecimal.TEN) >= 0,
                                   Math.max(orderCount, 1) > 0 )
                then
                    List<String> words = new ArrayList<>(List.of("System.exit", "java.io.File"));
                    Map<String, Integer> counts = new TreeMap<>();
                    String text = String.format(Locale.ROOT, "%d orders", $c.getOrderCount());
                    Optional.ofNullable($c.getRegion()).ifPresent(r -> counts.put(r, 1));
                    long big = StrictMath.round(Double.parseDouble("1.5"));
                    schedule.wakeAt($c, $c.getNow().plus(Duration.ofDays(7)));
                    actions.createTask($c, dev.custflow.action.TaskKind.CARE_CALL, java.time.Instant.EPOCH,
                            text + words.size() + counts.size() + big + Objects.hash(1));
                end
                """;
        try (Engine engine = Custflow.builder().packs().rules(RuleSource.drl("ok.drl", drl)).build()) {
            assertThat(engine.accept(LeadCaptured.builder("e1", Instant.parse("2025-01-01T00:00:00Z"), "L1", "WEBSITE")
                    .build())).isEmpty();
        }
    }

    @Test
    void aHostCanWidenTheAllowList_butNotTheMembersThatReachPastIt() {
        String drl = HEADER + """
                rule "sandbox: counts in a concurrent map"
                when
                    $c : Customer( )
                then
                    java.util.concurrent.ConcurrentHashMap<String, String> m = new java.util.concurrent.ConcurrentHashMap<>();
                    m.put("a", $c.getId());
                end
                """;
        assertThat(rejected(drl)).hasSize(2).first().asString().startsWith("r.drl:10:5: error: rules may not use "
                + "java.util.concurrent.ConcurrentHashMap: threads and executors run outside the engine's partitions.");
        try (Engine ignored = Custflow.builder().packs().rules(RuleSource.drl("r.drl", drl))
                .allowInRules("java.util.concurrent.*").build()) {
            assertThat(ignored).isNotNull();
        }
        assertThat(rejected(ruleCalling("System.exit(1);"), b -> b.allowInRules("java.lang.System")))
                .containsExactly("r.drl:10:12: error: rules may not call System.exit: it would stop the host");
    }

    @Test
    void aWildcardImportOfAForbiddenPackage_isRejected() {
        assertThat(rejected(HEADER.replace("import dev.custflow.model.Customer;", "import java.io.*;")
                + "rule \"sandbox: nothing\"\nwhen\nthen\nend\n")).singleElement().asString()
                .startsWith("r.drl:3:1: error: rules may not import java.io.*: files and streams belong to the host.");
    }

    @Test
    void aBadAllowListEntry_isRefusedAtOnce() {
        assertThatThrownBy(() -> Custflow.builder().allowInRules("java.util.concurrent.*x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'java.util.concurrent.*x' is not a class name, package.* or package.**");
    }

    @Test
    void builtInPacks_areTrusted_andLoadAsBefore() {
        try (Engine engine = Custflow.builder().build()) {
            assertThat(engine).isNotNull();
        }
    }
}
