package dev.custflow.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.ReloadResult;
import dev.custflow.RuleCompilationException;
import dev.custflow.RuleSource;
import dev.custflow.action.Action;
import dev.custflow.dsl.RulesFolder;
import dev.custflow.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;

/**
 * A rules folder is compiled on top of the built-in packs as the library's jar holds them compiled, instead of
 * compiling the packs again with it: the result is the one compiling everything together gives, the same rules in
 * the same order, acting the same on the same events, and a broken folder reports the same errors.
 */
class RulesOnTopOfBuiltInPacksTest {
    private static final Path EXAMPLES = Path.of("../docs/examples");
    private static final List<RuleSource> PACKS = BuiltInRules.defaultPacks();

    /** The packs compiled once, as the library's jar holds them (a test's class path has the classes only). */
    @TempDir
    static Path packs;
    @TempDir
    Path folder;

    @BeforeAll
    static void compileThePacks() {
        RuleCompiler.compileInto(PACKS, List.of(), Sandbox.DEFAULT, packs);
    }

    @AfterEach
    void forget() {
        RuleCompiler.forgetInMemory();
    }

    private static CompiledRules onTop(List<RuleSource> user) {
        Optional<CompiledRules> rules = RuleCompiler.compileFresh(PACKS, user, Sandbox.DEFAULT, packs);
        assertThat(rules).as("compiled on top of the packs").isPresent();
        return rules.get();
    }

    private static CompiledRules whole(List<RuleSource> user) {
        return RuleCompiler.compileFresh(PACKS, user, Sandbox.DEFAULT, null).orElseThrow();
    }

    private static List<String> packages(CompiledRules rules) {
        List<String> out = new ArrayList<>();
        for (KiePackage p : rules.kieBase().getKiePackages()) {
            List<String> names = new ArrayList<>();
            p.getRules().forEach(r -> names.add(r.getName()));
            out.add(p.getName() + " " + names);
        }
        return out;
    }

    @Test
    void exampleFolders_compiledOnTopOfThePacks_haveTheRulesOfOneWholeCompilation() {
        for (String example : List.of("guide", "dsl/en", "dsl/zh", "tables/csv")) {
            List<RuleSource> user = RulesFolder.load(EXAMPLES.resolve(example)).sources();
            CompiledRules top = onTop(user);
            CompiledRules all = whole(user);

            assertThat(top.ruleNames()).as(example).isEqualTo(all.ruleNames()).hasSizeGreaterThan(90);
            assertThat(packages(top)).as(example).isEqualTo(packages(all));
            assertThat(top.warnings()).as(example).isEqualTo(all.warnings());
            assertThat(top.hash()).isEqualTo(all.hash());
        }
    }

    @Test
    void anEngineOnTheGuidesRules_actsAsWhenEverythingWasCompiledTogether() throws IOException {
        List<RuleSource> user = RulesFolder.load(EXAMPLES.resolve("guide")).sources();
        List<Event> events = events("lifecycle.jsonl");

        List<String> top = with(packs.toString(), () -> actions(() -> Custflow.builder().rules(user).build(), events));
        RuleCompiler.forgetInMemory();
        List<String> all = with("off", () -> actions(() -> Custflow.builder().rules(user).build(), events));

        assertThat(top).isNotEmpty().isEqualTo(all);
    }

    @Test
    void aBrokenFolder_reportsTheErrorsAtFileAndLine_asOneWholeCompilationDoes() throws IOException {
        List<RuleSource> user = brokenFolder();

        RuleCompilationException top = compileError(() -> RuleCompiler.compileFresh(PACKS, user, Sandbox.DEFAULT,
                packs).orElseThrow());
        RuleCompilationException all = compileError(() -> whole(user));

        assertThat(top.messages()).isEqualTo(all.messages());
        assertThat(top.messages()).anySatisfy(m -> {
            assertThat(m.file()).isEqualTo("broken.drl");
            assertThat(m.line()).isEqualTo(6);
        });
    }

    @Test
    void reloadingABrokenFolder_isRejectedAtFileAndLine_andKeepsTheRulesBefore() throws IOException {
        List<RuleSource> good = RulesFolder.load(EXAMPLES.resolve("guide")).sources();
        try (Engine engine = with(packs.toString(), () -> Custflow.builder().rules(good).build())) {
            List<String> before = engine.ruleNames();

            List<RuleSource> broken = brokenFolder();
            ReloadResult result = with(packs.toString(), () -> engine.reload(broken));

            assertThat(result.status()).isEqualTo(ReloadResult.Status.REJECTED);
            assertThat(result.errors()).anySatisfy(m -> {
                assertThat(m.file()).isEqualTo("broken.drl");
                assertThat(m.line()).isEqualTo(6);
            });
            assertThat(engine.ruleNames()).isEqualTo(before).contains("service: a key account's complaint gets a care call");
        }
    }

    @Test
    void aFileThatNamesAPacksPackage_isCompiledWithThePacks_andToldWhatOneWholeCompilationTells() {
        List<RuleSource> user = List.of(RuleSource.drl("into-churn.drl", """
                package dev.custflow.rules.churn;
                import dev.custflow.model.Customer;
                rule "user: also in the churn pack's package"
                when
                    Customer( )
                then
                end
                """));

        assertThat(RuleCompiler.compileFresh(PACKS, user, Sandbox.DEFAULT, packs)).isEmpty();
        RuleCompilationException compiled = compileError(() -> with(packs.toString(),
                () -> RuleCompiler.compile(PACKS, user)));
        assertThat(compiled.messages()).isEqualTo(compileError(() -> whole(user)).messages())
                .anySatisfy(m -> assertThat(m.message()).contains("may not be in package dev.custflow.rules.churn"));
    }

    /** A rule file whose rule calls a method the customer does not have, on line 6. */
    private List<RuleSource> brokenFolder() throws IOException {
        Files.writeString(folder.resolve("broken.drl"), """
                package user.broken;
                import dev.custflow.model.Customer;
                rule "user: a broken rule"
                when
                    $c : Customer( )
                    Customer( stagee == null )
                then
                end
                """);
        return RulesFolder.load(folder).sources();
    }

    private static RuleCompilationException compileError(Runnable compile) {
        RuleCompilationException[] thrown = new RuleCompilationException[1];
        assertThatThrownBy(compile::run).isInstanceOfSatisfying(RuleCompilationException.class, e -> thrown[0] = e);
        return thrown[0];
    }

    private static List<Event> events(String file) throws IOException {
        List<Event> out = new ArrayList<>();
        for (String line : Files.readAllLines(EXAMPLES.resolve(file))) {
            try {
                if (!line.isBlank()) {
                    out.add(Json.readEvent(line));
                }
            } catch (EventRejectedException wrong) { // the stream has a wrong event on purpose
                continue;
            }
        }
        return out;
    }

    private static List<String> actions(Supplier<Engine> engines, List<Event> events) {
        List<String> out = new ArrayList<>();
        try (Engine engine = engines.get()) {
            for (Event e : events) {
                for (Action a : engine.accept(e)) {
                    out.add(a.toString());
                }
            }
        }
        return out;
    }

    /**
     * @param cache the cache folder of compiled rules; "off": none, and not the jar's compiled packs either (the
     *              packs are compiled with the rules, as benchmarks/coldstart measures the start before)
     */
    private static <T> T with(String cache, Supplier<T> work) {
        String builtIns = RuleCache.PROPERTY + ".builtIns";
        String was = System.getProperty(RuleCache.PROPERTY);
        String wasBuiltIns = System.getProperty(builtIns);
        System.setProperty(RuleCache.PROPERTY, cache);
        System.setProperty(builtIns, cache.equals("off") ? "off" : "on");
        try {
            return work.get();
        } finally {
            restore(RuleCache.PROPERTY, was);
            restore(builtIns, wasBuiltIns);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
