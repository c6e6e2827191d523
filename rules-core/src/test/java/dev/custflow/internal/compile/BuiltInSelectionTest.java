package dev.custflow.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.testdata.ExampleStreams;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine with some of the built-in packs takes them from the compiled entry of all the packs (the jar's, or a cache
 * folder's: the folder's here, since the tests run before the jar is made) instead of compiling them at start, and
 * decides exactly as if they had been compiled: the same rules, and the same actions for the docs/examples streams
 * and a year of time rules after them.
 */
class BuiltInSelectionTest {
    @TempDir
    static Path folder;

    @BeforeAll
    static void compileAllThePacksIntoTheFolder() {
        RuleCompiler.compileInto(BuiltInRules.defaultPacks(), List.of(), Sandbox.DEFAULT, folder);
    }

    private static final List<String> STREAMS = List.of("lifecycle.jsonl", "leads.jsonl", "fulfilment.jsonl",
            "retention.jsonl");

    @AfterEach
    void compileAsUsual() {
        System.clearProperty("custflow.ruleCache.builtIns");
        System.clearProperty(RuleCache.PROPERTY);
        RuleCompiler.forgetInMemory();
    }

    private static List<RuleSource> sources(Set<RulePack> packs) {
        List<RuleSource> out = new ArrayList<>();
        for (RulePack p : packs) {
            out.add(RuleSource.ofClasspath(p.resource(), RuleCompiler.class.getClassLoader()));
        }
        return out;
    }

    private static List<String> replay(Set<RulePack> packs) throws Exception {
        List<String> out = new ArrayList<>();
        for (String stream : STREAMS) {
            try (Engine engine = Custflow.builder().packs(packs.toArray(RulePack[]::new)).build()) {
                for (Event e : ExampleStreams.events(stream)) {
                    engine.accept(e).forEach(a -> out.add(a.toString()));
                }
                for (Action a : engine.advanceTo(Instant.parse("2026-06-01T00:00:00Z")).actions()) {
                    out.add(a.toString());
                }
            }
        }
        return out;
    }

    /**
     * The same thing twice: once compiled (no cache folder, the jar's entries switched off), once with the folder that
     * holds all the packs compiled.
     */
    private static <T> List<T> compiledThenSelected(Supplier<T> what) {
        System.setProperty("custflow.ruleCache.builtIns", "off");
        System.clearProperty(RuleCache.PROPERTY);
        RuleCompiler.forgetInMemory();
        T compiled = what.get();
        System.setProperty(RuleCache.PROPERTY, folder.toString());
        RuleCompiler.forgetInMemory();
        return List.of(compiled, what.get());
    }

    @Test
    void eachPackAlone_isTakenFromTheJarWithTheRulesItsCompilationGives() {
        for (RulePack pack : RulePack.values()) {
            List<RuleSource> one = sources(EnumSet.of(pack));
            assertThat(BuiltInRules.selection(one, Sandbox.DEFAULT, RuleCompiler.class.getClassLoader(),
                    folder)).as(pack.name()).isPresent();
            List<Set<String>> names = compiledThenSelected(() -> Set.copyOf(
                    RuleCompiler.compile(one, List.of()).ruleNames()));
            assertThat(names.get(1)).as(pack.name()).isNotEmpty().isEqualTo(names.get(0));
        }
    }

    @Test
    void packsTakenFromTheJar_decideAsTheCompiledPacks() throws Exception {
        List<Set<RulePack>> selections = List.of(EnumSet.of(RulePack.LIFECYCLE),
                EnumSet.of(RulePack.LIFECYCLE, RulePack.CHURN, RulePack.FULFILMENT),
                EnumSet.complementOf(EnumSet.of(RulePack.SCORING)));
        for (Set<RulePack> packs : selections) {
            List<List<String>> both = compiledThenSelected(() -> {
                try {
                    return replay(packs);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(both.get(1)).as(packs.toString()).isNotEmpty().isEqualTo(both.get(0));
        }
    }

    @Test
    void aUsersFile_isCompiledOnTopOfPacksTakenFromTheEntry() {
        List<RuleSource> packs = sources(EnumSet.of(RulePack.LIFECYCLE, RulePack.CHURN));
        RuleSource mine = RuleSource.drl("mine.drl", String.join("\n", "package shop.mine;",
                "import dev.custflow.model.Customer;", "global dev.custflow.rules.Actions actions;",
                "rule \"mine: big buyers are tagged\"", "when", "    $c : Customer( orderCount >= 3, !hasTag(\"big\") )",
                "then", "    actions.addTag($c, \"big\", \"three orders\");", "end", ""));
        CompiledRules onTop = RuleCompiler.compileFresh(packs, List.of(mine), Sandbox.DEFAULT, folder).orElseThrow();
        CompiledRules whole = RuleCompiler.compileFresh(packs, List.of(mine), Sandbox.DEFAULT, null).orElseThrow();

        assertThat(onTop.ruleNames()).contains("mine: big buyers are tagged").isEqualTo(whole.ruleNames());
    }

    @Test
    void allThePacks_orNoneOfThem_orAnotherFile_areNotASelection() {
        ClassLoader loader = RuleCompiler.class.getClassLoader();
        assertThat(BuiltInRules.selection(BuiltInRules.defaultPacks(), Sandbox.DEFAULT, loader, folder))
                .isEmpty();
        assertThat(BuiltInRules.selection(List.of(), Sandbox.DEFAULT, loader, folder)).isEmpty();
        assertThat(BuiltInRules.selection(sources(EnumSet.of(RulePack.CHURN)), Sandbox.DEFAULT, loader,
                folder)).isPresent();
        RuleSource lookalike = RuleSource.drl(RulePack.LIFECYCLE.resource(), "package dev.custflow.rules.lifecycle;\n");
        assertThat(BuiltInRules.selection(List.of(lookalike), Sandbox.DEFAULT, loader, folder)).isEmpty();
        List<RuleSource> backwards = new ArrayList<>(sources(EnumSet.of(RulePack.LIFECYCLE, RulePack.CHURN)));
        java.util.Collections.reverse(backwards);
        assertThat(BuiltInRules.selection(backwards, Sandbox.DEFAULT, loader, folder)).isEmpty();
    }
}
